// Every account: role, state, last sign-in, linked Microsoft 365 identities, and the admin's actions on each.
import type { UserFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

export type UserAction = 'disable' | 'enable' | 'reset' | 'promote' | 'demote' | 'delete';
export type Identity = UserFieldsFragment['microsoftIdentities'][number];

type Props = {
  users: readonly UserFieldsFragment[];
  busy: boolean;
  onAction: (action: UserAction, user: UserFieldsFragment) => void;
  onUnlink: (user: UserFieldsFragment, identity: Identity) => void;
};

export function UsersTable({ users, busy, onAction, onUnlink }: Props) {
  const button = (action: UserAction, user: UserFieldsFragment, text: string, label: string, danger = false) => (
    <button
      type="button"
      className={`btn btn-small${danger ? ' btn-danger' : ''}`}
      aria-label={label}
      disabled={busy}
      onClick={() => onAction(action, user)}
    >
      {text}
    </button>
  );
  return (
    <table className="grid users-grid">
      <thead>
        <tr>
          <th>Username</th>
          <th>Display name</th>
          <th>Email</th>
          <th>Role</th>
          <th>State</th>
          <th>Last sign-in</th>
          <th>Microsoft 365</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.username}</td>
            <td>{u.displayName}</td>
            <td>{u.email}</td>
            <td>{u.role === 'ADMIN' ? 'Administrator' : 'User'}</td>
            <td>
              <span className={`badge ${u.enabled ? 'badge-active' : 'badge-revoked'}`}>
                {u.enabled ? 'Enabled' : 'Disabled'}
              </span>
              {u.mustChangePassword && <div className="muted">Must change password</div>}
            </td>
            <td>{u.lastSignedInAt ? formatDateTime(u.lastSignedInAt) : 'Never'}</td>
            <td>
              {u.microsoftIdentities.length === 0 && <span className="muted">Not linked</span>}
              {u.microsoftIdentities.map((identity) => (
                <div key={`${identity.tenantId}/${identity.objectId}`} className="linked-identity">
                  <span title={`Tenant ${identity.tenantId}, object ${identity.objectId}`}>
                    {identity.email ?? identity.objectId}
                  </span>{' '}
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Unlink ${identity.email ?? identity.objectId} from ${u.username}`}
                    disabled={busy}
                    onClick={() => onUnlink(u, identity)}
                  >
                    Unlink
                  </button>
                </div>
              ))}
            </td>
            <td className="row-actions">
              {u.enabled
                ? button('disable', u, 'Disable', `Disable ${u.username}`)
                : button('enable', u, 'Enable', `Enable ${u.username}`)}
              {button('reset', u, 'Reset password', `Reset password of ${u.username}`)}
              {u.role === 'ADMIN'
                ? button('demote', u, 'Make user', `Make ${u.username} a user`)
                : button('promote', u, 'Make admin', `Make ${u.username} an administrator`)}
              {button('delete', u, 'Delete', `Delete ${u.username}`, true)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
