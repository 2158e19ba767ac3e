// Creates the urql client: POST only (no GET on the server), CSRF header on each request, WebSocket subscriptions.
import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { csrfFetch } from './csrf';

/** ws(s)://<this host>/graphql: the server authenticates the socket by the session cookie of this site's pages. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

export function createGraphqlClient(): Client {
  // Reconnect when the server leaves connection_init unanswered: now and then the first frame after the upgrade
  // is read but never handled (see backend/src/test/java/com/m365console/support/GraphQlSockets.java).
  const socket = createWsClient({ url: () => webSocketUrl(), lazy: true, connectionAckWaitTimeout: 5_000 });
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
    preferGetMethod: false,
    fetch: csrfFetch,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'network-only',
  });
}
