// Route guards: sign-in required (and a new password first, if due), and ADMIN-only pages.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { NoAccess } from '../components/NoAccess';
import { ChangePasswordPage, useSession } from '../features/auth';
import { Loading } from './Loading';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, signedOut } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={signedOut ? undefined : { from: location }} />;
  if (me.mustChangePassword) return <ChangePasswordPage />;
  return children;
}

export function RequireAdmin() {
  const { me } = useSession();
  return me?.role === 'ADMIN' ? <Outlet /> : <NoAccess />;
}
