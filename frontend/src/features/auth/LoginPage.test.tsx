// Renders the sign-in page against a stubbed server: the Microsoft 365 button, the last error read only once,
// and the wait the server asks for after too many attempts.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tooManyAttempts } from './api';
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

const signedIn = () => new Response('', { status: 200 });

function renderLogin(url: string, microsoft: boolean, login: () => Response = signedIn) {
  const asked: Body[] = [];
  let pending: typeof lastError | null = lastError;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === '/login') return login();
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

  it('says how long to wait when the server answers 429, and tells nothing about the password', async () => {
    const body = JSON.stringify({
      error: 'Too many sign-in attempts. Try again in 30 seconds.',
      retryAfterSeconds: 30,
    });
    renderLogin('/login', false, () => new Response(body, { status: 429, headers: { 'Retry-After': '30' } }));
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'alice' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct-horse-battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Too many attempts, try again in 30 seconds.');
  });
});

describe('tooManyAttempts', () => {
  it('puts the Retry-After seconds in words', () => {
    expect(tooManyAttempts('1')).toBe('Too many attempts, try again in 1 second.');
    expect(tooManyAttempts('90')).toBe('Too many attempts, try again in 90 seconds.');
    expect(tooManyAttempts('900')).toBe('Too many attempts, try again in 15 minutes.');
    expect(tooManyAttempts(null)).toBe('Too many attempts, try again later.');
    expect(tooManyAttempts('Wed, 21 Oct 2015 07:28:00 GMT')).toBe('Too many attempts, try again later.');
  });
});
