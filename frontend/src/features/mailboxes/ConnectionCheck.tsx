// What "Check connection" found: IMAP and SMTP (or reading and sending over Microsoft Graph) with the servers'
// words, and the folders to pick for syncing.
import type { CheckMailboxConnectionMutation, MailboxFieldsFragment } from '../../gql/graphql';
import { FolderPicker } from './FolderPicker';
import { CHECK_LABELS, checkOutcome } from './mailboxes';
import { ProtocolCheck } from './ProtocolCheck';

type Payload = CheckMailboxConnectionMutation['checkMailboxConnection'];
export type ConnectionCheckResult = Omit<Payload, 'mailbox'> & { mailbox: MailboxFieldsFragment };

type Props = {
  result: ConnectionCheckResult;
  onFoldersSaved: (folders: string[]) => void;
  onFailed: (message: string) => void;
};

function outcome(ok: boolean, stored: string | null | undefined, accepted: string) {
  const said = checkOutcome(stored);
  if (ok) return { ok, message: accepted };
  return { ok, message: said.ok === false ? said.message : 'The check failed.' };
}

export function ConnectionCheck({ result, onFoldersSaved, onFailed }: Props) {
  const { mailbox } = result;
  const labels = CHECK_LABELS[mailbox.transport];
  const graph = mailbox.transport === 'GRAPH';
  const read = graph ? 'Microsoft Graph read the mailbox.' : 'The server accepted the token.';
  const send = graph
    ? 'Microsoft Graph grants sending (Mail.Send); nothing was sent.'
    : 'The server accepted the token.';
  return (
    <section className="connection-check" aria-label="Connection check">
      <div className="check-lines">
        <ProtocolCheck protocol={labels.read} outcome={outcome(result.imapOk, mailbox.imapCheck, read)} withMessage />
        <ProtocolCheck protocol={labels.send} outcome={outcome(result.smtpOk, mailbox.smtpCheck, send)} withMessage />
      </div>
      {result.imapOk ? (
        <FolderPicker mailboxId={mailbox.id} folders={result.folders} onSaved={onFoldersSaved} onFailed={onFailed} />
      ) : (
        <p className="muted">The folders are listed once {labels.server} accepts the connection.</p>
      )}
    </section>
  );
}
