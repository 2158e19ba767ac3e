// Tests the WebSocket address of subscriptions (this page's host, wss behind https) and which close codes mean the
// server ended the sign-in.
import { describe, expect, it } from 'vitest';
import { signInEnded, webSocketUrl } from './graphqlClient';

describe('webSocketUrl', () => {
  it('follows the page: ws for http, wss for https, same host and port', () => {
    expect(webSocketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/graphql');
    expect(webSocketUrl({ protocol: 'https:', host: 'console.contoso.com' })).toBe('wss://console.contoso.com/graphql');
  });
});

describe('signInEnded', () => {
  it('is true for the codes the server closes a socket with when its credential was taken back', () => {
    expect(signInEnded({ code: 4401, reason: 'Unauthorized' })).toBe(true);
    expect(signInEnded({ code: 4403, reason: 'Forbidden' })).toBe(true);
  });
  it('is false for ordinary closes and errors, which graphql-ws retries', () => {
    expect(signInEnded({ code: 1000 })).toBe(false);
    expect(signInEnded({ code: 1006 })).toBe(false);
    expect(signInEnded(new Error('network'))).toBe(false);
    expect(signInEnded(null)).toBe(false);
  });
});
