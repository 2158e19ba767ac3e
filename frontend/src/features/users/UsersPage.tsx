// System > Users: every local account in a grid, and the form to create one.
import { useState } from 'react';
import { useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { accessDenied } from '../../lib/accessDenied';
import { CreateUserForm } from './CreateUserForm';
import { UsersQuery } from './documents';

export function UsersPage() {
  const [{ data, error }, reload] = useQuery({ query: UsersQuery });
  const [created, setCreated] = useState<string | null>(null);
  if (accessDenied(error)) return <NoAccess />;

  function onCreated(username: string) {
    setCreated(username);
    reload({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <PageHeader breadcrumb={['System', 'Users']} title="Users" />
      {created && <Flash type="success">User {created} created.</Flash>}
      {error && <Flash type="error">The users could not be loaded. {error.message}</Flash>}
      <div className="users-layout">
        <div className="panel">
          <table className="grid">
            <thead>
              <tr>
                <th>Username</th>
                <th>Display name</th>
                <th>Email</th>
                <th>Role</th>
              </tr>
            </thead>
            <tbody>
              {data?.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{u.email}</td>
                  <td>{u.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CreateUserForm onCreated={onCreated} />
      </div>
    </>
  );
}
