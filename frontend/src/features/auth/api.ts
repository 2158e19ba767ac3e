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
  if (response.status === 429) return { ok: false, error: tooManyAttempts(response.headers.get('Retry-After')) };
  return { ok: false, error: `Sign-in failed (HTTP ${response.status}). Please try again.` };
}

/** The server's wait (Retry-After, in seconds) in words; it says nothing about whether the password was right. */
export function tooManyAttempts(retryAfter: string | null): string {
  const seconds = /^\d+$/.test(retryAfter ?? '') ? Number(retryAfter) : 0;
  if (seconds <= 0) return 'Too many attempts, try again later.';
  if (seconds >= 120) return `Too many attempts, try again in ${Math.ceil(seconds / 60)} minutes.`;
  return `Too many attempts, try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
}

export async function postLogout(): Promise<void> {
  await csrfFetch('/logout', { method: 'POST', headers: { Accept: 'application/json' } });
}
