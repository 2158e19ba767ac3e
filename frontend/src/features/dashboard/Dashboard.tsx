// The Dashboard's health panels: an admin's covers every mailbox, a user's their own; kept live by useLiveDashboard.
import { Flash } from '../../components/Flash';
import { CredentialSummary } from './CredentialSummary';
import { RecentFailures, TokensNotRefreshed } from './FailureLists';
import { PUSH_TILES, STATE_TILES, summary } from './labels';
import { Tiles } from './Tiles';
import { useLiveDashboard } from './useLiveDashboard';

export function Dashboard() {
  const { dashboard, error, loading, syncingNow } = useLiveDashboard();
  if (error) return <Flash type="error">The dashboard could not be loaded. {error}</Flash>;
  if (loading || !dashboard) return <p className="muted">Loading the dashboard…</p>;
  const own = dashboard.scope === 'OWN_MAILBOXES';
  return (
    <div className="dashboard">
      <section className="panel" aria-labelledby="dashboard-mailboxes">
        <h2 id="dashboard-mailboxes">{own ? 'Your mailboxes' : 'Mailboxes'}</h2>
        <p className="dashboard-summary">
          {summary(dashboard.mailboxes)}
          {syncingNow > 0 && <span className="muted"> Synchronising now: {syncingNow}.</span>}
        </p>
        <Tiles label="Mailboxes by state" tiles={STATE_TILES} counts={dashboard.mailboxes} />
        <h3>New mail of connected mailboxes</h3>
        <Tiles label="Push by state" tiles={PUSH_TILES} counts={dashboard.push} />
      </section>
      {dashboard.credential && (
        <section className="panel" aria-labelledby="dashboard-credential">
          <h2 id="dashboard-credential">Microsoft credential</h2>
          <CredentialSummary credential={dashboard.credential} />
        </section>
      )}
      <section className="panel" aria-labelledby="dashboard-failures">
        <h2 id="dashboard-failures">Recent failures</h2>
        <RecentFailures dashboard={dashboard} />
      </section>
      <section className="panel" aria-labelledby="dashboard-tokens">
        <h2 id="dashboard-tokens">Sign-ins Microsoft would not renew</h2>
        <TokensNotRefreshed dashboard={dashboard} />
      </section>
    </div>
  );
}
