// What needs someone: the newest failed runs, and the sign-ins Microsoft would not renew, each linking to the page
// where the mailbox is managed.
import { Link } from 'react-router-dom';
import type { DashboardQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { failureLabel, mailboxPath } from './labels';

type DashboardData = DashboardQuery['dashboard'];

export function RecentFailures({ dashboard }: { dashboard: DashboardData }) {
  if (dashboard.recentFailures.length === 0) return <p className="muted">No synchronisation has failed.</p>;
  const admin = dashboard.scope === 'ALL_MAILBOXES';
  return (
    <table className="grid" aria-label="Recent failures">
      <thead>
        <tr>
          <th>Mailbox</th>
          {admin && <th>Owner</th>}
          <th>What</th>
          <th>Why</th>
          <th>When</th>
        </tr>
      </thead>
      <tbody>
        {dashboard.recentFailures.map(({ mailbox, failure }) => (
          <tr key={mailbox.id}>
            <td>
              <Link to={mailboxPath(dashboard.scope, mailbox)}>{mailbox.address}</Link>
            </td>
            {admin && <td>{mailbox.owner ?? 'System mailbox'}</td>}
            <td>{failureLabel(failure.state)}</td>
            <td className="cell-error">{failure.reason ?? '—'}</td>
            <td>{formatDateTime(failure.at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TokensNotRefreshed({ dashboard }: { dashboard: DashboardData }) {
  if (dashboard.tokensNotRefreshed.length === 0) {
    return <p className="muted">Microsoft renewed every mailbox’s sign-in.</p>;
  }
  const own = dashboard.scope === 'OWN_MAILBOXES';
  return (
    <ul className="dashboard-tokens" aria-label="Sign-ins not renewed">
      {dashboard.tokensNotRefreshed.map((mailbox) => (
        <li key={mailbox.id}>
          <Link to={mailboxPath(dashboard.scope, mailbox)}>{mailbox.address}</Link>
          {!own && <span className="muted"> ({mailbox.owner ?? 'system mailbox'})</span>}
          {mailbox.lastError && <span className="cell-error"> {mailbox.lastError}</span>}
          <span className="muted">
            {own || mailbox.kind === 'SYSTEM'
              ? ' Reconnect it to resume synchronisation.'
              : ' Its owner must reconnect it.'}
          </span>
        </li>
      ))}
    </ul>
  );
}
