// The sign-in page: username and password posted to /login, or Microsoft 365 when enabled; then where the user wanted.
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { MicrosoftSignInError } from './MicrosoftSignInError';
import { MicrosoftSignInLink } from './MicrosoftSignInLink';
import { useSession } from './session';
import { useSignInOptions } from './useSignInOptions';

export function LoginPage() {
  const { me, signIn, endedElsewhere } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const microsoftFailed = params.get('error') === 'microsoft';
  const { options, loaded } = useSignInOptions(microsoftFailed);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me) {
    const from = (location.state as { from?: { pathname: string; search?: string } } | null)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search ?? ''}` : '/'} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setError(await signIn(username, password));
    } catch {
      setError('The server could not be reached. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-box">
        <h1>M365 Console</h1>
        {microsoftFailed && loaded && <MicrosoftSignInError error={options?.lastError} />}
        {endedElsewhere && !error && (
          <div className="flash flash-info" role="status">
            Your session has ended: you were signed out everywhere, or your password was changed. Please sign in again.
          </div>
        )}
        {error && (
          <div className="flash flash-error" role="alert">
            {error}
          </div>
        )}
        <form className="login-form" onSubmit={submit}>
          <label htmlFor="login-username">Username</label>
          <input
            id="login-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Sign in
          </button>
        </form>
        {options?.microsoft && <MicrosoftSignInLink href={options.microsoftUrl} />}
      </div>
    </div>
  );
}
