// Renders the API Tokens page against a stubbed /graphql: statuses, field errors, the secret shown once, revoking.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Client, fetchExchange, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiTokensPage } from './ApiTokensPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

type Body = { operationName: string; variables: { input?: Record<string, unknown> } };
const token = (id: string, name: string, more: Record<string, unknown> = {}) => ({
  id,
  name,
  createdAt: '2030-01-02T10:00:00Z',
  lastUsedAt: null,
  expiresAt: null,
  revoked: false,
  ...more,
});
const TOKENS = [
  token('t1', 'backup script', { lastUsedAt: '2030-01-03T10:00:00Z' }),
  token('t2', 'old laptop', { revoked: true }),
  token('t3', 'trial', { expiresAt: '2020-01-01T00:00:00Z' }),
];

function renderPage(createErrors: { field: string; code: string; message: string }[] = []) {
  const sent: Body[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Body;
    sent.push(body);
    const created = token('t4', 'ci');
    const data =
      body.operationName === 'ApiTokens'
        ? { apiTokens: TOKENS }
        : body.operationName === 'CreateApiToken'
          ? createErrors.length
            ? { createApiToken: { token: null, secret: null, errors: createErrors } }
            : { createApiToken: { token: created, secret: 'm365_s3cr3t-value', errors: [] } }
          : { revokeApiToken: { token: { id: 't1', revoked: true }, errors: [] } };
    return new Response(JSON.stringify({ data }), { headers: { 'Content-Type': 'application/json' } });
  });
  const client = new Client({
    url: 'http://localhost/graphql',
    exchanges: [fetchExchange],
    preferGetMethod: false,
    fetch,
  });
  render(
    <Provider value={client}>
      <ApiTokensPage />
    </Provider>,
  );
  return sent;
}

describe('ApiTokensPage', () => {
  it('lists the tokens with their status and offers Revoke for active ones only', async () => {
    renderPage();
    const row = (name: string) => screen.getByRole('cell', { name }).closest('tr') as HTMLElement;
    await screen.findByRole('cell', { name: 'backup script' });
    expect(within(row('backup script')).getByText('Active')).toBeTruthy();
    expect(within(row('old laptop')).getByText('Revoked')).toBeTruthy();
    expect(within(row('trial')).getByText('Expired')).toBeTruthy();
    expect(within(row('old laptop')).getAllByText('Never')).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: /^Revoke/ })).toHaveLength(1);
  });

  it('shows the secret once after creating a token, with a Copy button', async () => {
    const sent = renderPage();
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: ' ci ' } });
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: '2031-02-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const box = await screen.findByRole('region', { name: 'New API token' });
    expect(box.textContent).toContain('Copy this token now. It will not be shown again.');
    expect(within(box).getByLabelText<HTMLInputElement>('Your new API token').value).toBe('m365_s3cr3t-value');
    expect(within(box).getByRole('button', { name: 'Copy' })).toBeTruthy();
    const input = sent.find((b) => b.operationName === 'CreateApiToken')?.variables.input;
    expect(input?.name).toBe('ci');
    expect(new Date(String(input?.expiresAt)).getDate()).toBe(3);
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('');
  });

  it('shows errors under their field and no secret', async () => {
    renderPage([{ field: 'name', code: 'REQUIRED', message: 'Give the token a name.' }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Create token' }));
    expect((await screen.findByText('Give the token a name.')).id).toBe('token-name-error');
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).toMatch(/token-name-error/);
    expect(screen.queryByRole('region', { name: 'New API token' })).toBeNull();
  });

  it('revokes a token after confirmation', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const sent = renderPage();
    const revoke = await screen.findByRole('button', { name: 'Revoke backup script' });
    fireEvent.click(revoke);
    expect(sent.some((b) => b.operationName === 'RevokeApiToken')).toBe(false);
    fireEvent.click(revoke);
    expect((await screen.findByRole('status')).textContent).toBe('Token “backup script” revoked.');
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(sent.find((b) => b.operationName === 'RevokeApiToken')?.variables.input).toEqual({ id: 't1' });
  });
});
