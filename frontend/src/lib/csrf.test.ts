// Tests the CSRF cookie reader and the fetch wrapper that sends the cookie's current value.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csrfFetch, readCookie } from './csrf';

function setCookie(value: string | null) {
  document.cookie =
    value === null ? 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/' : `XSRF-TOKEN=${value}; path=/`;
}

function sentToken(call: unknown[]): string | null {
  return new Headers((call[1] as RequestInit).headers).get('X-XSRF-TOKEN');
}

afterEach(() => {
  setCookie(null);
  vi.unstubAllGlobals();
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('XSRF-TOKEN', 'SESSION=abc; XSRF-TOKEN=a%2Fb-1; theme=dark')).toBe('a/b-1');
  });
  it('does not match a cookie whose name only ends with the name', () => {
    expect(readCookie('XSRF-TOKEN', 'MY-XSRF-TOKEN=x')).toBeNull();
  });
  it('returns null when missing or empty', () => {
    expect(readCookie('XSRF-TOKEN', '')).toBeNull();
    expect(readCookie('XSRF-TOKEN', 'XSRF-TOKEN=')).toBeNull();
  });
});

describe('csrfFetch', () => {
  it('sends the cookie value read at request time', async () => {
    const fetchMock = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) => new Response('{}', { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCookie('first');
    await csrfFetch('/graphql', { method: 'POST' });
    setCookie('rotated');
    await csrfFetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(sentToken(fetchMock.mock.calls[0])).toBe('first');
    expect(sentToken(fetchMock.mock.calls[1])).toBe('rotated');
    expect(new Headers((fetchMock.mock.calls[1][1] as RequestInit).headers).get('Content-Type')).toBe(
      'application/json',
    );
  });

  it('GETs / to obtain the cookie when it is missing', async () => {
    const fetchMock = vi.fn(async (url: RequestInfo | URL) => {
      if (url === '/') setCookie('fresh');
      return new Response('{}', { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    await csrfFetch('/login', { method: 'POST' });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/', '/login']);
    expect(sentToken(fetchMock.mock.calls[1])).toBe('fresh');
  });

  it('retries once with a fresh token after a 403', async () => {
    setCookie('stale');
    const fetchMock = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (url === '/') {
        setCookie('renewed');
        return new Response('', { status: 200 });
      }
      const ok = new Headers(init?.headers).get('X-XSRF-TOKEN') === 'renewed';
      return new Response(null, { status: ok ? 204 : 403 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const response = await csrfFetch('/logout', { method: 'POST' });
    expect(response.status).toBe(204);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
