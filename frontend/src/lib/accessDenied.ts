// Tells whether a GraphQL error is the server refusing access (FORBIDDEN / UNAUTHORIZED).
import type { CombinedError } from 'urql';

export function accessDenied(error: CombinedError | undefined): 'FORBIDDEN' | 'UNAUTHORIZED' | null {
  for (const e of error?.graphQLErrors ?? []) {
    const c = e.extensions?.classification;
    if (c === 'FORBIDDEN' || c === 'UNAUTHORIZED') return c;
  }
  return null;
}
