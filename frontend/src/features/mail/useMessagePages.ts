// A folder's messages, newest first, page by page ("Load more"); starts over when the folder or the search changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { MessagesQuery } from './documents';
import { mergePage, NO_MESSAGES, type MessagePage } from './reader';

export const PAGE_SIZE = 50;

export function useMessagePages(folderId: string, search: string) {
  const client = useClient();
  const [list, setList] = useState<MessagePage>(NO_MESSAGES);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const asking = useRef('');

  const fetchPage = useCallback(async (after: string | null) => {
    const key = `${folderId}\n${search}`;
    asking.current = key;
    setLoading(true);
    setError(null);
    const result = await client
      .query(MessagesQuery, { folderId, first: PAGE_SIZE, after, search: search || null })
      .toPromise();
    if (asking.current !== key) return;
    setLoading(false);
    const page = result.data?.messages;
    if (page) setList((loaded) => mergePage(after ? loaded : NO_MESSAGES, page));
    else setError(result.error?.message ?? 'No answer.');
  }, [client, folderId, search]);

  useEffect(() => {
    setList(NO_MESSAGES);
    void fetchPage(null);
  }, [fetchPage]);

  const loadMore = () => {
    if (list.pageInfo.endCursor) void fetchPage(list.pageInfo.endCursor);
  };
  return { messages: list.edges.map((e) => e.node), hasMore: list.pageInfo.hasNextPage, loading, error, loadMore };
}
