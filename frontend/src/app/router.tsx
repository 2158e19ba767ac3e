// The route table: sign-in outside the shell, everything else inside it, System pages for ADMIN only. The sign-in page
// is in the first chunk; the shell and each feature's pages load on first use (React.lazy), so signing in costs
// only the JavaScript the sign-in page needs.
import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/auth';
import { RequireAdmin, RequireAuth } from './guards';
import { Loading } from './Loading';

/** A page loaded from its module on first render: `name` is the export to show. */
function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const Shell = lazyPage(() => import('./Shell'), 'Shell');
const HomePage = lazyPage(() => import('./HomePage'), 'HomePage');
const ApiTokensPage = lazyPage(() => import('../features/apitokens'), 'ApiTokensPage');
const AuditLogPage = lazyPage(() => import('../features/audit'), 'AuditLogPage');
const MailReaderPage = lazyPage(() => import('../features/mail'), 'MailReaderPage');
const ComposePage = lazyPage(() => import('../features/mailboxes'), 'ComposePage');
const MyMailboxesPage = lazyPage(() => import('../features/mailboxes'), 'MyMailboxesPage');
const SystemMailboxesPage = lazyPage(() => import('../features/mailboxes'), 'SystemMailboxesPage');
const ConfigurationPage = lazyPage(() => import('../features/settings'), 'ConfigurationPage');
const UsersPage = lazyPage(() => import('../features/users'), 'UsersPage');
const ServerErrorPage = lazyPage(() => import('../features/errors'), 'ServerErrorPage');

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/error',
    element: (
      <Suspense fallback={<Loading />}>
        <ServerErrorPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireAuth>
        <Suspense fallback={<Loading />}>
          <Shell />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account/api-tokens', element: <ApiTokensPage /> },
      { path: 'mailboxes', element: <MyMailboxesPage /> },
      { path: 'mailboxes/:id/compose', element: <ComposePage /> },
      { path: 'mailboxes/:id/mail', element: <MailReaderPage /> },
      {
        path: 'system',
        element: <RequireAdmin />,
        children: [
          { path: 'config', element: <Navigate to="/system/config/integrations/microsoft" replace /> },
          { path: 'config/:group/:section', element: <ConfigurationPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'mailboxes', element: <SystemMailboxesPage /> },
          { path: 'audit', element: <AuditLogPage /> },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
