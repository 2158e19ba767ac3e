// Creates the urql client: POST only (no GET on the server), CSRF header on each request, WebSocket subscriptions
// (graphql-ws is loaded with the first subscription: the sign-in page has none).
import type { Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { accessDenied } from './accessDenied';
import { csrfFetch } from './csrf';

/** graphql-transport-ws close codes the server uses when the socket's sign-in ended or was taken back. */
const SIGN_IN_ENDED = [4401, 4403];

/** Whether a socket close event says the sign-in behind it ended (signed out elsewhere, password changed). */
export function signInEnded(event: unknown): boolean {
  return typeof event === 'object' && event !== null && SIGN_IN_ENDED.includes((event as { code?: number }).code ?? 0);
}

/** ws(s)://<this host>/graphql: the server authenticates the socket by the session cookie of this site's pages. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

/**
 * @param onSignInEnded called when the server says the session behind this client ended: the socket is closed
 *   with 4401/4403, or a request is answered UNAUTHORIZED
 */
export function createGraphqlClient(onSignInEnded: () => void = () => {}): Client {
  // Reconnect when the server leaves connection_init unanswered: now and then the first frame after the upgrade
  // is read but never handled (see backend/src/test/java/com/m365console/support/GraphQlSockets.java).
  let socket: Promise<WsClient> | undefined;
  const connect = () =>
    (socket ??= import('graphql-ws').then(({ createClient }) =>
      createClient({
        url: () => webSocketUrl(),
        lazy: true,
        connectionAckWaitTimeout: 5_000,
        shouldRetry: (event) => !signInEnded(event),
        on: {
          closed: (event) => {
            if (signInEnded(event)) onSignInEnded();
          },
        },
      }),
    ));
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onError: (error) => {
          if (accessDenied(error) === 'UNAUTHORIZED') onSignInEnded();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            let unsubscribe: (() => void) | undefined;
            let ended = false;
            void connect().then((ws) => {
              if (!ended) unsubscribe = ws.subscribe({ ...request, query: request.query ?? '' }, sink);
            });
            return {
              unsubscribe: () => {
                ended = true;
                unsubscribe?.();
              },
            };
          },
        }),
      }),
    ],
    preferGetMethod: false,
    fetch: csrfFetch,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'network-only',
  });
}
