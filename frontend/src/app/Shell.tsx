// The signed-in layout: dark top bar with the main menu (Mailboxes; System for ADMIN), user, "API tokens", "Sign out"
// and "Sign out everywhere" (every browser and device of the user, this one included); for admins, the Microsoft
// credential's expiry banner on every page.
import { Suspense, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useSession } from '../features/auth';
import { CredentialBanner } from '../features/credentials';
import { Loading } from './Loading';
import { SystemMenu } from './SystemMenu';

export function Shell() {
  const { me, signOut, signOutEverywhere } = useSession();
  const [error, setError] = useState<string | null>(null);

  async function endEverySession() {
    if (!window.confirm('Sign out of every browser and device, this one included? API tokens keep working.')) return;
    setError(await signOutEverywhere());
  }

  return (
    <div className="shell">
      <header className="top-bar">
        <Link to="/" className="brand">
          M365 Console
        </Link>
        <nav aria-label="Main menu" className="main-menu">
          <Link to="/">Dashboard</Link>
          <NavLink to="/mailboxes">Mailboxes</NavLink>
          {me?.role === 'ADMIN' && <SystemMenu />}
        </nav>
        <div className="user-menu">
          <span className="user-name" title={me?.username}>
            {me?.displayName}
          </span>
          <NavLink to="/account/api-tokens" className="user-link">
            API tokens
          </NavLink>
          {/* a page of its own, outside the SPA's router: a full page load */}
          <a href="/graphiql" className="user-link">
            GraphiQL
          </a>
          <button type="button" className="btn btn-dark" onClick={() => void signOut()}>
            Sign out
          </button>
          <button
            type="button"
            className="btn btn-dark"
            title="Ends your sessions in every browser and on every device, this one included"
            onClick={() => void endEverySession()}
          >
            Sign out everywhere
          </button>
        </div>
      </header>
      {me?.role === 'ADMIN' && <CredentialBanner />}
      {error && (
        <div className="flash flash-error" role="alert">
          {error}
        </div>
      )}
      <main className="page">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
