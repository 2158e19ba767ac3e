// Renders the Microsoft Settings section against a stubbed /graphql: flash messages and field errors after saving, Test connection results.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MicrosoftSettingsSection } from './MicrosoftSettingsSection';
import { testSettings } from './testSettings';

afterEach(cleanup);

type Body = { operationName: string; variables: Record<string, unknown> };

type TestPayload = { ok: boolean; message: string; error: Record<string, string | null> | null };

function renderSection(mutationErrors: { field: string | null; code: string; message: string }[], test?: TestPayload) {
  const sent: Body[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Body;
    sent.push(body);
    const data =
      body.operationName === 'MicrosoftSettings'
        ? { microsoftSettings: testSettings() }
        : body.operationName === 'SettingChanges'
          ? { settingChanges: [] }
          : body.operationName === 'TestMicrosoftConnection'
            ? { testMicrosoftConnection: test }
            : { updateMicrosoftSettings: { settings: testSettings(), errors: mutationErrors } };
    return new Response(JSON.stringify({ data }), { headers: { 'Content-Type': 'application/json' } });
  });
  const client = new Client({
    url: 'http://localhost/graphql',
    exchanges: [fetchExchange],
    preferGetMethod: false,
    fetch,
  });
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

  it('tests the saved settings and shows success as a status flash', async () => {
    const sent = renderSection([], {
      ok: true,
      message: 'Microsoft accepted the Client ID and Client Secret.',
      error: null,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('status')).textContent).toBe('Microsoft accepted the Client ID and Client Secret.');
    expect(sent.filter((b) => b.operationName === 'TestMicrosoftConnection')).toHaveLength(1);
  });

  it('shows a refused test as an alert with the AADSTS code and the ids', async () => {
    const error = {
      error: 'invalid_client',
      aadsts: 'AADSTS7000215',
      message: 'Invalid client secret: paste the secret value, not the secret ID.',
      microsoftDescription: 'AADSTS7000215: Invalid client secret provided.',
      traceId: '0b6f1a52-1c1e-4a43-9d2c-3c8e5a2f0e01',
      correlationId: '5d1c2e7a-8b9f-4c3d-a1e2-f3a4b5c6d7e8',
    };
    renderSection([], { ok: false, message: error.message, error });
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(error.message);
    expect(alert.textContent).toContain('Error code: AADSTS7000215 (invalid_client)');
    expect(alert.textContent).toContain(`Trace ID: ${error.traceId}`);
    expect(alert.textContent).toContain(`Correlation ID: ${error.correlationId}`);
  });
});
