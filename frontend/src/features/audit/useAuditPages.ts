// The audit log for a filter, newest first, page by page ("Load more"); starts over when the filter changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { AuditLogFilter, AuditLogQuery as AuditLogResult } from '../../gql/graphql';
import { accessDenied } from '../../lib/accessDenied';
import { AuditLogQuery } from './documents';

export const PAGE_SIZE = 50;

export type AuditEvent = AuditLogResult['auditLog']['edges'][number]['node'];

type Pages = { events: AuditEvent[]; endCursor: string | null; hasMore: boolean };
const NOTHING: Pages = { events: [], endCursor: null, hasMore: false };

export function useAuditPages(filter: AuditLogFilter) {
  const client = useClient();
  const asked = JSON.stringify(filter);
  const [pages, setPages] = useState<Pages>(NOTHING);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [denied, setDenied] = useState(false);
  const asking = useRef('');

  /** Asks for the page after the cursor; takes the answer only if the filter is still the one it was asked for. */
  const fetchPage = useCallback(
    (after: string | null) => {
      asking.current = asked;
      const variables = { filter: JSON.parse(asked) as AuditLogFilter, first: PAGE_SIZE, after };
      void client
        .query(AuditLogQuery, variables, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (asking.current !== asked) return;
          setLoading(false);
          const page = result.data?.auditLog;
          if (!page) {
            setDenied(accessDenied(result.error) !== null);
            setError(result.error?.message ?? 'No answer.');
            return;
          }
          setPages((loaded) => ({
            events: [...(after ? loaded.events : []), ...page.edges.map((e) => e.node)],
            endCursor: page.pageInfo.endCursor ?? null,
            hasMore: page.pageInfo.hasNextPage,
          }));
        });
    },
    [client, asked],
  );

  // Another filter starts over at once, before its first page is asked for.
  const [shownFor, setShownFor] = useState(asked);
  if (shownFor !== asked) {
    setShownFor(asked);
    setPages(NOTHING);
    setLoading(true);
    setError(null);
  }

  useEffect(() => {
    fetchPage(null);
  }, [fetchPage]);

  const loadMore = () => {
    if (!pages.endCursor) return;
    setLoading(true);
    setError(null);
    fetchPage(pages.endCursor);
  };
  return { events: pages.events, hasMore: pages.hasMore, loading, error, denied, loadMore };
}
