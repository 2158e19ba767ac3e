// GraphiQL's fetcher: POST /graphql with the session's CSRF header (an Authorization header typed in GraphiQL's
// headers editor, e.g. an API token, goes along), and subscriptions over this site's graphql-ws socket.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { csrfFetch } from '../lib/csrf';
import { webSocketUrl } from '../lib/graphqlClient';

export function createFetcher(location: Pick<Location, 'protocol' | 'host'> = window.location): Fetcher {
  return createGraphiQLFetcher({
    url: '/graphql',
    subscriptionUrl: webSocketUrl(location),
    fetch: csrfFetch,
    // the server answers single JSON results only (no @defer/@stream multipart)
    enableIncrementalDelivery: false,
  });
}
