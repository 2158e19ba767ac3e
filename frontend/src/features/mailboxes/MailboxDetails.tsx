// A mailbox's health at a glance: its transport, token expiry, when and by whom it was connected, the last check, the last failed
// sync (kept after later successes), and the folders it synchronises.
import type { MailboxFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { checkOutcome, syncedFolders, TRANSPORT_LABEL, CHECK_LABELS } from './mailboxes';
import { ProtocolCheck } from './ProtocolCheck';
import { failureLine } from './sync';

function expiry(iso: string | null | undefined, now: Date): string {
  if (!iso) return '—';
  const past = new Date(iso).getTime() <= now.getTime();
  return past ? `${formatDateTime(iso)} (renewed when next used)` : formatDateTime(iso);
}

export function MailboxDetails({ mailbox: m }: { mailbox: MailboxFieldsFragment }) {
  return (
    <dl className="mailbox-details">
      <dt>Connected over</dt>
      <dd>{TRANSPORT_LABEL[m.transport]}</dd>
      <dt>Access token expires</dt>
      <dd>{expiry(m.accessTokenExpiresAt, new Date())}</dd>
      <dt>Connected on</dt>
      <dd>{m.connectedAt ? `${formatDateTime(m.connectedAt)}${m.connectedBy ? ` by ${m.connectedBy}` : ''}` : '—'}</dd>
      <dt>Last check</dt>
      <dd className="last-check">
        <span>{m.lastCheckAt ? formatDateTime(m.lastCheckAt) : 'Never'}</span>
        {m.lastCheckAt && (
          <ProtocolCheck protocol={CHECK_LABELS[m.transport].read} outcome={checkOutcome(m.imapCheck)} />
        )}
        {m.lastCheckAt && (
          <ProtocolCheck protocol={CHECK_LABELS[m.transport].send} outcome={checkOutcome(m.smtpCheck)} />
        )}
      </dd>
      <dt>Last failed sync</dt>
      <dd className={m.lastFailure ? 'last-failure' : undefined}>
        {m.lastFailure ? failureLine(m.lastFailure) : 'None'}
      </dd>
      <dt>Synced folders</dt>
      <dd>{syncedFolders(m.selectedFolders)}</dd>
    </dl>
  );
}
