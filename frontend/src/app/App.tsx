// The root component: the session (and its GraphQL client) around the router.
import { RouterProvider } from 'react-router-dom';
import { SessionProvider } from '../features/auth';
import { router } from './router';

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
