// The route table: sign-in outside the shell, everything else inside it, System pages for ADMIN only.
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { ApiTokensPage } from '../features/apitokens';
import { LoginPage } from '../features/auth';
import { MailReaderPage } from '../features/mail';
import { ComposePage, MyMailboxesPage, SystemMailboxesPage } from '../features/mailboxes';
import { ConfigurationPage } from '../features/settings';
import { UsersPage } from '../features/users';
import { RequireAdmin, RequireAuth } from './guards';
import { HomePage } from './HomePage';
import { Shell } from './Shell';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireAuth>
        <Shell />
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
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
