// A folder's messages, newest first, page by page ("Load more"); starts over when the folder or the search changes,
// and puts the newest page on top, keeping what was loaded, each time new mail arrives.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
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
  const asked = `${folderId}\n${search}`;

  const query = useCallback(
    (after: string | null) =>
      client.query(MessagesQuery, { folderId, first: PAGE_SIZE, after, search: search || null }).toPromise(),
    [client, folderId, search],
  );

  /** Asks for a page and takes the answer if the folder and search are still the ones it was asked for. */
  const fetchPage = useCallback(
    (after: string | null) => {
      asking.current = asked;
      void query(after).then((result) => {
        if (asking.current !== asked) return;
        setLoading(false);
        const page = result.data?.messages;
        if (page) setList((loaded) => mergePage(after ? loaded : NO_MESSAGES, page));
        else setError(result.error?.message ?? 'No answer.');
      });
    },
    [query, asked],
  );

  // Another folder or search starts over at once, before the first page is asked for.
  const [shownFor, setShownFor] = useState(asked);
  if (shownFor !== asked) {
    setShownFor(asked);
    setList(NO_MESSAGES);
    setLoading(true);
    setError(null);
  }

  useEffect(() => {
    fetchPage(null);
  }, [fetchPage]);

  const fetchNewest = useEffectEvent(() => {
    const key = asking.current;
    void query(null).then((result) => {
      const newest = result.data?.messages;
      if (!newest || asking.current !== key) return;
      setList((loaded) => mergeNewest(loaded, newest));
      setError(null);
    });
  });
  useEffect(() => {
    if (newMail > 0) fetchNewest();
  }, [newMail]);

  const loadMore = () => {
    if (!list.pageInfo.endCursor) return;
    setLoading(true);
    setError(null);
    fetchPage(list.pageInfo.endCursor);
  };
  return { messages: list.edges.map((e) => e.node), hasMore: list.pageInfo.hasNextPage, loading, error, loadMore };
}
