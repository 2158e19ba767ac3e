// Renders Email Configuration against a stubbed /graphql: reached from the tree, flash messages and field errors on save.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { ConfigurationPage } from './ConfigurationPage';
import { EmailConfigurationSection } from './EmailConfigurationSection';

afterEach(cleanup);

const SAVED = { enabled: true, intervalMinutes: 5, maxConcurrent: 4 };
type UserError = { field: string | null; code: string; message: string };

function renderSection(errors: UserError[] = [], after = SAVED) {
  return renderWithStubs(<EmailConfigurationSection />, {
    EmailSyncSettings: () => ({ emailSyncSettings: SAVED }),
    UpdateEmailSyncSettings: () => ({
      updateEmailSyncSettings: { settings: errors.length ? SAVED : after, errors },
    }),
  });
}

const saveButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save Settings' });
const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

describe('EmailConfigurationSection', () => {
  it('saves a valid interval and concurrency, says so, and shows what the server kept', async () => {
    const { of } = renderSection([], { enabled: true, intervalMinutes: 15, maxConcurrent: 8 });
    fireEvent.change(await screen.findByLabelText('Sync interval (minutes)'), { target: { value: '15' } });
    fireEvent.change(field('Maximum concurrent syncs'), { target: { value: '8' } });
    fireEvent.click(saveButton());
    expect((await screen.findByRole('status')).textContent).toBe('Settings saved.');
    expect(of('UpdateEmailSyncSettings')[0].variables).toEqual({ input: { intervalMinutes: 15, maxConcurrent: 8 } });
    await waitFor(() => expect(saveButton().disabled).toBe(true));
    expect(field('Sync interval (minutes)').value).toBe('15');
    expect(field('Maximum concurrent syncs').value).toBe('8');
  });

  it("shows the server's error under its field and the error flash, keeping what was typed", async () => {
    renderSection([{ field: 'intervalMinutes', code: 'INVALID_FORMAT', message: 'The server refused this interval.' }]);
    fireEvent.change(await screen.findByLabelText('Sync interval (minutes)'), { target: { value: '30' } });
    fireEvent.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The settings were not saved. Please correct the errors below.');
    expect(document.getElementById('sync-intervalMinutes-error')?.textContent).toBe(
      'The server refused this interval.',
    );
    expect(field('Sync interval (minutes)').value).toBe('30');
  });

  it('refuses an invalid interval without asking the server', async () => {
    const { of } = renderSection();
    fireEvent.change(await screen.findByLabelText('Sync interval (minutes)'), { target: { value: '2000' } });
    fireEvent.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toContain('The settings were not saved.');
    expect(document.getElementById('sync-intervalMinutes-error')?.textContent).toBe(
      'Enter a number of minutes from 1 to 1440.',
    );
    expect(of('UpdateEmailSyncSettings')).toHaveLength(0);
  });

  it('is reached from the tree node "Email Synchronization Settings", found by the quick search', async () => {
    const { router } = renderWithStubs(
      <ConfigurationPage />,
      { EmailSyncSettings: () => ({ emailSyncSettings: SAVED }) },
      { path: '/system/config/:group/:section', url: '/system/config/general/application' },
    );
    fireEvent.change(screen.getByLabelText('Quick Search'), { target: { value: 'synchron' } });
    fireEvent.click(screen.getByRole('link', { name: 'Email Synchronization Settings' }));
    await screen.findByRole('region', { name: 'Email Synchronization Settings' });
    expect(router.state.location.pathname).toBe('/system/config/general/email');
    expect(screen.getByRole('heading', { name: 'Email Configuration' })).toBeTruthy();
  });

  it('shows no settings to someone the server refuses', async () => {
    const fetch = vi.fn(async () =>
      Response.json({ data: null, errors: [{ message: 'Forbidden', extensions: { classification: 'FORBIDDEN' } }] }),
    );
    const client = new Client({
      url: 'http://localhost/graphql',
      exchanges: [fetchExchange],
      preferGetMethod: false,
      fetch,
    });
    const router = createMemoryRouter([{ path: '/', element: <EmailConfigurationSection /> }]);
    render(
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>,
    );
    await screen.findByText('You do not have access to this page');
    expect(screen.queryByLabelText('Sync interval (minutes)')).toBeNull();
  });
});
