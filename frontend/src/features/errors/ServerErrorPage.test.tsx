// The page the server sends a browser to when it cannot answer: the status's explanation and the way back.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerErrorPage } from './ServerErrorPage';

afterEach(cleanup);

function at(url: string) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <ServerErrorPage />
    </MemoryRouter>,
  );
}

describe('ServerErrorPage', () => {
  it('explains an unknown address and links back to the start page and the sign-in page', () => {
    at('/error?status=404');
    expect(screen.getByRole('alert').textContent).toContain('There is no page at this address.');
    expect(screen.getByRole('alert').textContent).toContain('HTTP status 404');
    expect(screen.getByRole('link', { name: 'Go to the start page' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
  });

  it('says a wrong method cannot open the address', () => {
    at('/error?status=405');
    expect(screen.getByRole('alert').textContent).toContain('cannot be opened this way');
  });

  it('treats a server failure, and a missing or odd status, as the server having failed', () => {
    at('/error?status=503');
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong on the server.');
    cleanup();
    at('/error');
    expect(screen.getByRole('alert').textContent).toContain('HTTP status 500');
  });
});
