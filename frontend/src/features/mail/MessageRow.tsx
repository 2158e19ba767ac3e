// One message in the list: sender, date, subject, a paperclip for attachments; unread in bold.
import { PaperclipIcon } from '../../components/PaperclipIcon';
import { formatListDate, senderLabel, type MessageSummary } from './reader';

type Props = { message: MessageSummary; open: boolean; onOpen: () => void };

export function MessageRow({ message: m, open, onOpen }: Props) {
  return (
    <button
      type="button"
      className={`message-row${m.seen ? '' : ' unread'}${open ? ' open' : ''}`}
      aria-current={open ? 'true' : undefined}
      onClick={onOpen}
    >
      {!m.seen && <span className="visually-hidden">Unread: </span>}
      <span className="message-from">{senderLabel(m)}</span>
      <span className="message-date">{formatListDate(m.receivedAt)}</span>
      <span className="message-subject">
        {m.hasAttachments && <PaperclipIcon label="Has attachments" />}
        {m.subject || '(no subject)'}
      </span>
    </button>
  );
}
