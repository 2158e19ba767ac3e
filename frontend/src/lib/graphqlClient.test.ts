// Tests the WebSocket address of subscriptions: this page's host, wss behind https.
import { describe, expect, it } from 'vitest';
import { webSocketUrl } from './graphqlClient';

describe('webSocketUrl', () => {
  it('follows the page: ws for http, wss for https, same host and port', () => {
    expect(webSocketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/graphql');
    expect(webSocketUrl({ protocol: 'https:', host: 'console.contoso.com' })).toBe('wss://console.contoso.com/graphql');
  });
});
