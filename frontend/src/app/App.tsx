// The root component: the session (and its GraphQL client) around the router. A browser opening /login signed out is
// shown the sign-in form at once, without the router: the router (React Router and the route table) is loaded once
// anything else is shown, so the sign-in page costs only the JavaScript it needs.
import { lazy, Suspense, useState } from 'react';
import { SessionProvider, SignInForm, useSession } from '../features/auth';
import { Loading } from './Loading';

const AppRouter = lazy(() => import('./AppRouter'));

function Root() {
  const { me, loading } = useSession();
  // Once shown, the router stays: signing out later is the router's /login page, at the URL the router keeps
  const [routerNeeded, setRouterNeeded] = useState(() => window.location.pathname !== '/login');
  if (me && !routerNeeded) setRouterNeeded(true);
  if (!routerNeeded) {
    if (loading) return <Loading />;
    return <SignInForm microsoftFailed={new URLSearchParams(window.location.search).get('error') === 'microsoft'} />;
  }
  return (
    <Suspense fallback={<Loading />}>
      <AppRouter />
    </Suspense>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Root />
    </SessionProvider>
  );
}
