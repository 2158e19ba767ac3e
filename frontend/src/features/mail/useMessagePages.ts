// A folder's messages, newest first, page by page ("Load more"); starts over when the folder or the search changes,
// and puts the newest page on top, keeping what was loaded, each time new mail arrives.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { MessagesQuery } from './documents';
import { mergeNewest, mergePage, NO_MESSAGES, type MessagePage } from './reader';

export const PAGE_SIZE = 50;

export function useMessagePages(folderId: string, search: string, newMail: number) {
  const client = useClient();
  const [list, setList] = useState<MessagePage>(NO_MESSAGES);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const asking = useRef('');

  const query = useCallback((after: string | null) => client
    .query(MessagesQuery, { folderId, first: PAGE_SIZE, after, search: search || null })
    .toPromise(), [client, folderId, search]);

  const fetchPage = useCallback(async (after: string | null) => {
    const key = `${folderId}\n${search}`;
    asking.current = key;
    setLoading(true);
    setError(null);
    const result = await query(after);
    if (asking.current !== key) return;
    setLoading(false);
    const page = result.data?.messages;
    if (page) setList((loaded) => mergePage(after ? loaded : NO_MESSAGES, page));
    else setError(result.error?.message ?? 'No answer.');
  }, [query, folderId, search]);

  useEffect(() => {
    setList(NO_MESSAGES);
    void fetchPage(null);
  }, [fetchPage]);

  useEffect(() => {
    if (newMail === 0) return;
    const key = asking.current;
    void query(null).then((result) => {
      const newest = result.data?.messages;
      if (!newest || asking.current !== key) return;
      setList((loaded) => mergeNewest(loaded, newest));
      setError(null);
    });
  }, [newMail]);

  const loadMore = () => {
    if (list.pageInfo.endCursor) void fetchPage(list.pageInfo.endCursor);
  };
  return { messages: list.edges.map((e) => e.node), hasMore: list.pageInfo.hasNextPage, loading, error, loadMore };
}
