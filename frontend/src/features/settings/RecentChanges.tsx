// The last audited changes of the settings: which setting, what happened (old and new value), by whom and when, and a
// link to every change in System > Audit log.
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import type { SettingChangeAction } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { SettingChangesQuery } from './documents';
import { SETTING_LABELS } from './help';

const ACTIONS: Record<SettingChangeAction, string> = {
  SET: 'Set',
  RESET_TO_DEFAULT: 'Reset to default',
  SECRET_REPLACED: 'Secret replaced',
  SECRET_CLEARED: 'Secret cleared',
};

export function RecentChanges() {
  const [{ data, error, fetching }] = useQuery({ query: SettingChangesQuery, variables: { limit: 10 } });
  const changes = data?.settingChanges ?? [];
  return (
    <section className="recent-changes" aria-label="Recent changes">
      <h3>Recent changes</h3>
      {error && <p className="muted">The recent changes could not be loaded.</p>}
      {!data && fetching && <p className="muted">Loading…</p>}
      {data && changes.length === 0 && <p className="muted">No changes yet.</p>}
      {changes.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>Setting</th>
              <th>Action</th>
              <th>Old value</th>
              <th>New value</th>
              <th>By</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.id}>
                <td>{SETTING_LABELS[c.setting] ?? c.setting}</td>
                <td>{ACTIONS[c.action] ?? c.action}</td>
                <td>{c.oldValue ?? '—'}</td>
                <td>{c.newValue ?? '—'}</td>
                <td>{c.changedBy}</td>
                <td>{formatDateTime(c.changedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/system/audit?kind=SETTING_CHANGED">All changes in the audit log</Link>
      </p>
    </section>
  );
}
