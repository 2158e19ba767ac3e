// The dashboard everyone lands on after signing in: who is signed in, then the health of their mailboxes.
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../features/auth';
import { Dashboard } from '../features/dashboard';

export function HomePage() {
  const { me } = useSession();
  return (
    <>
      <PageHeader title="Dashboard" />
      <div className="panel">
        <p className="welcome">Welcome, {me?.displayName}</p>
        <p className="muted signed-in-as">Signed in as {me?.username}</p>
      </div>
      <Dashboard />
    </>
  );
}
