// The caller's API tokens: when each was created, last used and expires, its status, and "Revoke" for active ones.
import type { ApiTokenFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { tokenStatus } from './tokens';

type Props = {
  tokens: readonly ApiTokenFieldsFragment[];
  revoking?: string | null;
  onRevoke: (token: ApiTokenFieldsFragment) => void;
};

const orNever = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : 'Never');

export function TokensTable({ tokens, revoking, onRevoke }: Props) {
  if (tokens.length === 0) return <p className="muted">You have no API tokens yet.</p>;
  const now = new Date();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>Name</th>
          <th>Created</th>
          <th>Last used</th>
          <th>Expires</th>
          <th>Status</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => {
          const status = tokenStatus(t, now);
          return (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{formatDateTime(t.createdAt)}</td>
              <td>{orNever(t.lastUsedAt)}</td>
              <td>{orNever(t.expiresAt)}</td>
              <td>
                <span className={`badge badge-${status.toLowerCase()}`}>{status}</span>
              </td>
              <td>
                {status === 'Active' && (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Revoke ${t.name}`}
                    disabled={revoking === t.id}
                    onClick={() => onRevoke(t)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
