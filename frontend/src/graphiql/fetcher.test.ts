// GraphiQL's requests carry the session's CSRF header, as the SPA's own do.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetcher } from './fetcher';

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('GraphiQL fetcher', () => {
  it('posts to /graphql with the CSRF header from the cookie', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { me: null } }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);

    const result = createFetcher({ protocol: 'http:', host: 'console.test' })({ query: '{ me { username } }' });
    await (result as Promise<unknown>);

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('X-XSRF-TOKEN')).toBe('token-123');
  });
});
