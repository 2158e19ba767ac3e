// The router with the app's route table, in a chunk of its own (see App.tsx).
import { RouterProvider } from 'react-router-dom';
import { router } from './router';

export default function AppRouter() {
  return <RouterProvider router={router} />;
}
