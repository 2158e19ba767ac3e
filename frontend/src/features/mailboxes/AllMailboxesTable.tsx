// The admin's overview of every mailbox: whose it is, its transport, its state and last error, token expiry, last
// check, the last sync and the last failed one, and how new mail arrives (instant, reconnecting, failing, on schedule).
import type { MailboxFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import {
  checkOutcome,
  KIND_LABEL,
  pushBadge,
  pushProblem,
  stateBadge,
  TRANSPORT_LABEL,
  CHECK_LABELS,
} from './mailboxes';
import { ProtocolCheck } from './ProtocolCheck';
import { failureLine, syncLine } from './sync';

export function AllMailboxesTable({ mailboxes }: { mailboxes: readonly MailboxFieldsFragment[] }) {
  if (mailboxes.length === 0) return <p className="muted">No mailbox is connected yet.</p>;
  return (
    <table className="grid" aria-label="All mailboxes">
      <thead>
        <tr>
          <th>Address</th>
          <th>Kind</th>
          <th>Transport</th>
          <th>Owner</th>
          <th>State</th>
          <th>Last error</th>
          <th>Token expires</th>
          <th>Last check</th>
          <th>Last sync</th>
          <th>Last failed sync</th>
          <th>New mail</th>
        </tr>
      </thead>
      <tbody>
        {mailboxes.map((m) => {
          const badge = stateBadge(m.state);
          const lastSync = m.lastSync ? syncLine(m.lastSync) : null;
          return (
            <tr key={m.id}>
              <td>{m.address}</td>
              <td>{KIND_LABEL[m.kind]}</td>
              <td>
                {TRANSPORT_LABEL[m.transport]}
                {m.grant === 'APPLICATION' && <div className="muted">Application permission</div>}
              </td>
              <td>{m.owner ?? '—'}</td>
              <td>
                <span className={badge.className}>{badge.label}</span>
              </td>
              <td className={m.lastError ? 'cell-error' : undefined}>{m.lastError ?? '—'}</td>
              <td>{m.accessTokenExpiresAt ? formatDateTime(m.accessTokenExpiresAt) : '—'}</td>
              <td>
                {m.lastCheckAt ? (
                  <span className="last-check">
                    {formatDateTime(m.lastCheckAt)}
                    <ProtocolCheck protocol={CHECK_LABELS[m.transport].read} outcome={checkOutcome(m.imapCheck)} />
                    <ProtocolCheck protocol={CHECK_LABELS[m.transport].send} outcome={checkOutcome(m.smtpCheck)} />
                  </span>
                ) : (
                  'Never'
                )}
              </td>
              <td className={lastSync?.tone === 'error' ? 'cell-error' : undefined}>{lastSync?.text ?? 'Never'}</td>
              <td className={m.lastFailure ? 'cell-error' : undefined}>
                {m.lastFailure ? failureLine(m.lastFailure) : '—'}
              </td>
              <td>{m.state === 'CONNECTED' ? <NewMailBadge push={m.push} /> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function NewMailBadge({ push }: { push: MailboxFieldsFragment['push'] }) {
  const badge = pushBadge(push);
  const problem = pushProblem(push);
  return (
    <>
      <span className={badge.className} title={badge.help}>
        {badge.label}
      </span>
      {problem && <span className="push-problem">{problem}</span>}
    </>
  );
}
