// The mailboxes of a page as cards, or what to do when there are none.
import type { MailboxFieldsFragment } from '../../gql/graphql';
import { MailboxCard } from './MailboxCard';

type Props = { mailboxes: readonly MailboxFieldsFragment[] | undefined; empty: string; onChanged: () => void };

export function MailboxList({ mailboxes, empty, onChanged }: Props) {
  if (!mailboxes) return <p className="muted loading">Loading…</p>;
  if (mailboxes.length === 0) return <p className="panel muted empty-list">{empty}</p>;
  return (
    <div className="mailbox-list">
      {mailboxes.map((m) => (
        <MailboxCard key={m.id} mailbox={m} onChanged={onChanged} />
      ))}
    </div>
  );
}
