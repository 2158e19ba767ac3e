// The form-login endpoints: POST /login (urlencoded) and POST /logout, both with the CSRF header.
import { csrfFetch } from '../../lib/csrf';

export type LoginResult = { ok: true } | { ok: false; error: string };

export async function postLogin(username: string, password: string): Promise<LoginResult> {
  const response = await csrfFetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ username, password }),
  });
  if (response.ok) return { ok: true };
  if (response.status === 401) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    return { ok: false, error: body?.error ?? 'Invalid username or password' };
  }
  return { ok: false, error: `Sign-in failed (HTTP ${response.status}). Please try again.` };
}

export async function postLogout(): Promise<void> {
  await csrfFetch('/logout', { method: 'POST', headers: { Accept: 'application/json' } });
}
