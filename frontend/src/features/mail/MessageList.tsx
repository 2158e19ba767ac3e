// A folder's messages with a search box (subject and sender) and "Load more"; picking one opens it; new mail shows.
import { useState } from 'react';
import { Flash } from '../../components/Flash';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { MessageRow } from './MessageRow';
import { useMessagePages } from './useMessagePages';

export const SEARCH_DELAY_MS = 300;

type Props = { folderId: string; openId: string | null; onOpen: (id: string) => void; newMail: number };

export function MessageList({ folderId, openId, onOpen, newMail }: Props) {
  const [typed, setTyped] = useState('');
  const search = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);
  const { messages, hasMore, loading, error, loadMore } = useMessagePages(folderId, search, newMail);

  return (
    <section className="panel mail-list" aria-label="Messages">
      <input
        type="search"
        aria-label="Search subject or sender"
        placeholder="Search subject or sender"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      {error && <Flash type="error">The messages could not be loaded. {error}</Flash>}
      {!loading && !error && messages.length === 0 && (
        <p className="muted">{search ? `No message matches “${search}”.` : 'No messages in this folder.'}</p>
      )}
      <ul className="message-list">
        {messages.map((m) => (
          <li key={m.id}>
            <MessageRow message={m} open={m.id === openId} onOpen={() => onOpen(m.id)} />
          </li>
        ))}
      </ul>
      {loading && <p className="muted">Loading…</p>}
      {hasMore && !loading && (
        <button type="button" className="btn load-more" onClick={loadMore}>
          Load more
        </button>
      )}
    </section>
  );
}
