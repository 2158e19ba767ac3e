// Renders the sign-in page against a stubbed server: the Microsoft 365 button, and the last error read only once.
import { cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from './LoginPage';
import { SessionProvider } from './session';

type Body = { operationName: string; variables: { withError?: boolean } };
const lastError = {
  error: 'invalid_client',
  aadsts: 'AADSTS7000215',
  message: 'Invalid client secret: paste the secret value, not the secret ID.',
  microsoftDescription: 'AADSTS7000215: Invalid client secret provided.',
  traceId: '0b6f1a52-1c1e-4a43-9d2c-3c8e5a2f0e01',
  correlationId: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderLogin(url: string, microsoft: boolean) {
  const asked: Body[] = [];
  let pending: typeof lastError | null = lastError;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== '/graphql') return new Response('', { status: 200 });
    const body = JSON.parse(String(init?.body)) as Body;
    asked.push(body);
    const options = { microsoft, microsoftUrl: '/oauth2/authorization/microsoft' };
    const data =
      body.operationName === 'SignInOptions'
        ? { signInOptions: body.variables.withError ? { ...options, lastError: pending } : options }
        : { me: null };
    if (body.variables.withError) pending = null;
    return new Response(JSON.stringify({ data }), { headers: { 'Content-Type': 'application/json' } });
  });
  const router = createMemoryRouter([{ path: '/login', element: <LoginPage /> }], { initialEntries: [url] });
  render(
    <StrictMode>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </StrictMode>,
  );
  return () => asked.filter((b) => b.operationName === 'SignInOptions').map((b) => b.variables.withError);
}

describe('LoginPage', () => {
  it('offers "Sign in with Microsoft 365" below the local form while it is enabled', async () => {
    const asked = renderLogin('/login', true);
    const link = await screen.findByRole('link', { name: 'Sign in with Microsoft 365' });
    expect(link.getAttribute('href')).toBe('/oauth2/authorization/microsoft');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(asked()).toEqual([false]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers only the local form while Microsoft 365 sign-in is off', async () => {
    renderLogin('/login', false);
    await screen.findByRole('button', { name: 'Sign in' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('link', { name: 'Sign in with Microsoft 365' })).toBeNull();
  });

  it('after ?error=microsoft asks once for the last error and explains it', async () => {
    const asked = renderLogin('/login?error=microsoft', true);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('strong')?.textContent).toBe(lastError.message);
    expect(alert.textContent).toContain(`Trace ID: ${lastError.traceId}`);
    expect(asked()).toEqual([true]);
  });
});
