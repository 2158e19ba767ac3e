// Renders the Microsoft Settings section against a stubbed /graphql: flash messages and field errors after saving.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MicrosoftSettingsSection } from './MicrosoftSettingsSection';
import { testSettings } from './testSettings';

afterEach(cleanup);

type Body = { operationName: string; variables: Record<string, unknown> };

function renderSection(mutationErrors: { field: string | null; code: string; message: string }[]) {
  const sent: Body[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Body;
    sent.push(body);
    const data =
      body.operationName === 'MicrosoftSettings'
        ? { microsoftSettings: testSettings() }
        : body.operationName === 'SettingChanges'
          ? { settingChanges: [] }
          : { updateMicrosoftSettings: { settings: testSettings(), errors: mutationErrors } };
    return new Response(JSON.stringify({ data }), { headers: { 'Content-Type': 'application/json' } });
  });
  const client = new Client({ url: 'http://localhost/graphql', exchanges: [fetchExchange], preferGetMethod: false, fetch });
  const router = createMemoryRouter([{ path: '/', element: <MicrosoftSettingsSection /> }]);
  render(
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>,
  );
  return sent;
}

async function typeClientIdAndSave(value: string) {
  const input = await screen.findByLabelText('Application (Client) ID');
  fireEvent.change(input, { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Save Settings' }));
}

describe('MicrosoftSettingsSection', () => {
  it('shows the error flash and the message under its field, keeping what was typed', async () => {
    const sent = renderSection([{ field: 'clientId.value', code: 'INVALID_GUID', message: 'Must be a GUID.' }]);
    await typeClientIdAndSave('nope');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The settings were not saved. Please correct the errors below.');
    expect(document.getElementById('clientId-error')?.textContent).toBe('Must be a GUID.');
    expect(screen.getByLabelText<HTMLInputElement>('Application (Client) ID').value).toBe('nope');
    const mutation = sent.find((b) => b.operationName === 'UpdateMicrosoftSettings');
    expect(mutation?.variables).toEqual({ input: { clientId: { value: 'nope', useDefault: false } } });
  });

  it('shows "Settings saved." and reloads the form from the payload', async () => {
    renderSection([]);
    await typeClientIdAndSave('22222222-2222-3333-4444-555555555555');
    expect((await screen.findByRole('status')).textContent).toBe('Settings saved.');
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('Application (Client) ID').value).toBe(
        '11111111-2222-3333-4444-555555555555',
      ),
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save Settings' }).disabled).toBe(true);
  });
});
