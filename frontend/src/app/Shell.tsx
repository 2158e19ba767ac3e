// The signed-in layout: dark top bar with the main menu (Mailboxes; System for ADMIN), user, "API tokens", "Sign out".
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useSession } from '../features/auth';
import { SystemMenu } from './SystemMenu';

export function Shell() {
  const { me, signOut } = useSession();
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
          <button type="button" className="btn btn-dark" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </div>
  );
}
