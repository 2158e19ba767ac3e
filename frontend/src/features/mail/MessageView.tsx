// The open message: subject, From, To, Cc and Date, the body, and the names and sizes of its attachments.
import { useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { PaperclipIcon } from '../../components/PaperclipIcon';
import { formatDateTime } from '../../lib/format';
import { MessageQuery } from './documents';
import { MessageBody } from './MessageBody';
import { formatSize, fromLine } from './reader';

export function MessageView({ messageId }: { messageId: string }) {
  const [{ data, error, fetching }] = useQuery({ query: MessageQuery, variables: { id: messageId } });
  const m = data?.message;
  if (error) return <Flash type="error">The message could not be loaded. {error.message}</Flash>;
  if (!m) return <p className="muted">{fetching ? 'Loading…' : 'This message is no longer there.'}</p>;
  const files = m.attachments.filter((a) => !a.inline || a.fileName);

  return (
    <article className="mail-message" aria-label="Message">
      <h2>{m.subject || '(no subject)'}</h2>
      <dl className="message-headers">
        <dt>From</dt>
        <dd>{fromLine(m)}</dd>
        <dt>To</dt>
        <dd>{m.to.join(', ') || '—'}</dd>
        {m.cc.length > 0 && <dt>Cc</dt>}
        {m.cc.length > 0 && <dd>{m.cc.join(', ')}</dd>}
        <dt>Date</dt>
        <dd>{formatDateTime(m.sentAt ?? m.receivedAt)}</dd>
      </dl>
      <MessageBody html={m.html} text={m.text} />
      {m.bodyTruncated && (
        <p className="muted">The message is longer than what was synchronised: its end is missing.</p>
      )}
      {files.length > 0 && (
        <section className="message-attachments" aria-label="Attachments">
          <h3>Attachments</h3>
          <ul>
            {files.map((a, i) => (
              <li key={i}>
                <PaperclipIcon /> {a.fileName ?? '(unnamed)'} <span className="muted">({formatSize(a.size)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
