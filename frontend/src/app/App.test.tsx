// The whole app from /login against a stubbed server: the sign-in form first (drawn before the router loads), then
// the Dashboard, and after signing out the router's own /login at that URL.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';

const admin = {
  id: '7d3c1a52-1c1e-4a43-9d2c-3c8e5a2f0e01',
  username: 'admin',
  displayName: 'Admin',
  email: null,
  role: 'ADMIN',
  mustChangePassword: false,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The server's socket as far as this test needs it: it is dialled, never answers, and is closed. */
class SilentWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static dialled: string[] = [];
  readyState = SilentWebSocket.CONNECTING;
  protocol = '';
  onopen = null;
  onclose = null;
  onerror = null;
  onmessage = null;

  constructor(url: string) {
    SilentWebSocket.dialled.push(url);
  }

  send() {}

  close() {
    this.readyState = SilentWebSocket.CLOSED;
  }
}

function stubServer() {
  let signedIn = false;
  SilentWebSocket.dialled = [];
  vi.stubGlobal('WebSocket', SilentWebSocket);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/login') signedIn = true;
    if (url === '/logout') signedIn = false;
    if (url !== '/graphql') return new Response('', { status: 200 });
    const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
    const data =
      operationName === 'SignInOptions'
        ? { signInOptions: { microsoft: false, microsoftUrl: '/oauth2/authorization/microsoft' } }
        : { me: signedIn ? admin : null };
    return new Response(JSON.stringify({ data }), { headers: { 'Content-Type': 'application/json' } });
  });
}

describe('App', () => {
  it('signs in from /login, lands on the Dashboard, and signing out is back at /login', async () => {
    stubServer();
    window.history.replaceState(null, '', '/login');
    render(<App />);

    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a-long-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Welcome, Admin')).toBeTruthy();
    expect(window.location.pathname).toBe('/');
    // an admin's shell listens for Microsoft credential alerts over the socket
    await waitFor(() => expect(SilentWebSocket.dialled).toEqual(['ws://localhost:3000/graphql']));

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
  });
});
