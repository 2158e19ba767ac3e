// The sign-in page as a route: the sign-in form, then where the user wanted to go (or the Dashboard).
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { useSession } from './session';
import { SignInForm } from './SignInForm';

export function LoginPage() {
  const { me } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();

  if (me) {
    const from = (location.state as { from?: { pathname: string; search?: string } } | null)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search ?? ''}` : '/'} replace />;
  }
  return <SignInForm microsoftFailed={params.get('error') === 'microsoft'} />;
}
