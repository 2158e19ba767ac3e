// Reads the XSRF-TOKEN cookie at request time and sends it back as X-XSRF-TOKEN on every POST.
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value ? decodeURIComponent(value) : null;
    }
  }
  return null;
}

async function fetchToken(): Promise<string | null> {
  await fetch('/', { credentials: 'same-origin', headers: { Accept: '*/*' } });
  return readCookie(CSRF_COOKIE);
}

export async function csrfToken(): Promise<string | null> {
  return readCookie(CSRF_COOKIE) ?? fetchToken();
}

function withToken(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set(CSRF_HEADER, token);
  return { ...init, headers, credentials: 'same-origin' };
}

/** fetch() with the CSRF header; a 403 (stale or missing token) is retried once with a fresh token. */
export async function csrfFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, withToken(init, await csrfToken()));
  if (response.status !== 403) return response;
  return fetch(input, withToken(init, await fetchToken()));
}
