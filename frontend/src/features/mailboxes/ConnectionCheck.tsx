// What "Check connection" found: IMAP and SMTP with the servers' words, and the folders to pick for syncing.
import type { CheckMailboxConnectionMutation, MailboxFieldsFragment } from '../../gql/graphql';
import { FolderPicker } from './FolderPicker';
import { checkOutcome } from './mailboxes';
import { ProtocolCheck } from './ProtocolCheck';

type Payload = CheckMailboxConnectionMutation['checkMailboxConnection'];
export type ConnectionCheckResult = Omit<Payload, 'mailbox'> & { mailbox: MailboxFieldsFragment };

type Props = {
  result: ConnectionCheckResult;
  onFoldersSaved: (folders: string[]) => void;
  onFailed: (message: string) => void;
};

function outcome(ok: boolean, stored: string | null | undefined) {
  const said = checkOutcome(stored);
  if (ok) return { ok, message: 'The server accepted the token.' };
  return { ok, message: said.ok === false ? said.message : 'The check failed.' };
}

export function ConnectionCheck({ result, onFoldersSaved, onFailed }: Props) {
  const { mailbox } = result;
  return (
    <section className="connection-check" aria-label="Connection check">
      <div className="check-lines">
        <ProtocolCheck protocol="IMAP" outcome={outcome(result.imapOk, mailbox.imapCheck)} withMessage />
        <ProtocolCheck protocol="SMTP" outcome={outcome(result.smtpOk, mailbox.smtpCheck)} withMessage />
      </div>
      {result.imapOk ? (
        <FolderPicker mailboxId={mailbox.id} folders={result.folders} onSaved={onFoldersSaved} onFailed={onFailed} />
      ) : (
        <p className="muted">The folders are listed once IMAP accepts the connection.</p>
      )}
    </section>
  );
}
