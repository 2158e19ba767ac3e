// System > Users: every local account with its state and the admin's actions, and the form to create one.
import { useState } from 'react';
import { useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import type { UserFieldsFragment } from '../../gql/graphql';
import { accessDenied } from '../../lib/accessDenied';
import { CreateUserForm } from './CreateUserForm';
import { DeleteUserDialog } from './DeleteUserDialog';
import { UsersQuery } from './documents';
import { OneTimePassword } from './OneTimePassword';
import { useUserActions } from './useUserActions';
import { UsersTable, type Identity, type UserAction } from './UsersTable';

export function UsersPage() {
  const [{ data, error }, reload] = useQuery({ query: UsersQuery });
  const [created, setCreated] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<UserFieldsFragment | null>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const actions = useUserActions(refresh);
  if (accessDenied(error)) return <NoAccess />;

  function onCreated(username: string) {
    setCreated(username);
    refresh();
  }

  function onAction(action: UserAction, user: UserFieldsFragment) {
    setCreated(null);
    if (action === 'delete') {
      setConfirmingDelete(user);
    } else if (action === 'reset') {
      const question = `Reset the password of ${user.username}? Their sessions and API tokens end at once.`;
      if (window.confirm(question)) void actions.resetPassword(user);
    } else {
      void actions.act(action, user);
    }
  }

  function onUnlink(user: UserFieldsFragment, identity: Identity) {
    setCreated(null);
    const name = identity.email ?? identity.objectId;
    const question = `Unlink ${name} from ${user.username}? Their sessions end; the next Microsoft 365 sign-in is mapped by e-mail address again.`;
    if (window.confirm(question)) void actions.unlinkIdentity(user, identity);
  }

  return (
    <>
      <PageHeader breadcrumb={['System', 'Users']} title="Users" />
      {created && <Flash type="success">User {created} created.</Flash>}
      {actions.result && <Flash type={actions.result.type}>{actions.result.text}</Flash>}
      {actions.oneTime && <OneTimePassword {...actions.oneTime} />}
      {error && <Flash type="error">The users could not be loaded. {error.message}</Flash>}
      <div className="users-layout">
        <div className="panel">
          {data && <UsersTable users={data.users} busy={actions.busy} onAction={onAction} onUnlink={onUnlink} />}
        </div>
        <CreateUserForm onCreated={onCreated} />
      </div>
      {confirmingDelete && (
        <DeleteUserDialog
          username={confirmingDelete.username}
          busy={actions.busy}
          onCancel={() => setConfirmingDelete(null)}
          onConfirm={(deleteMail) =>
            void actions.deleteUser(confirmingDelete, deleteMail).then(() => setConfirmingDelete(null))
          }
        />
      )}
    </>
  );
}
