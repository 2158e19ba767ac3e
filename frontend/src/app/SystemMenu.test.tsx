// The System drop-down as a user works it: opens on click, closes on going to another page or clicking elsewhere.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemMenu } from './SystemMenu';

afterEach(cleanup);

function renderMenu() {
  const page = (name: string) => ({ path: name, element: <SystemMenu /> });
  const router = createMemoryRouter([page('/'), page('/system/users'), page('/system/config')], {
    initialEntries: ['/'],
  });
  render(<RouterProvider router={router} />);
  return router;
}

const toggle = () => screen.getByRole('button', { name: 'System' });
const menu = () => screen.queryByRole('list');

describe('SystemMenu', () => {
  it('opens on click and closes once a link took the user to another page', async () => {
    const router = renderMenu();
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('link', { name: 'Users' }));
    await screen.findByRole('button', { name: 'System' });
    expect(router.state.location.pathname).toBe('/system/users');
    expect(menu()).toBeNull();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().className).toBe('active');
  });

  it('closes on a second click and on a click elsewhere on the page', () => {
    renderMenu();
    fireEvent.click(toggle());
    fireEvent.click(toggle());
    expect(menu()).toBeNull();
    fireEvent.click(toggle());
    expect(menu()).not.toBeNull();
    fireEvent.mouseDown(document.body);
    expect(menu()).toBeNull();
  });
});
