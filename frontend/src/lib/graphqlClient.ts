// Creates the urql client: POST only (the server does not answer GET), CSRF header on every request.
import { Client, cacheExchange, fetchExchange } from 'urql';
import { csrfFetch } from './csrf';

export function createGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetch: csrfFetch,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'network-only',
  });
}
