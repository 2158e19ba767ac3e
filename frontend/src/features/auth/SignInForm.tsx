// The sign-in form: username and password posted to /login, or Microsoft 365 when enabled. It needs no router, so the
// first page a browser opens at /login is drawn before the router's code has loaded (see app/App.tsx).
import { useState, type FormEvent } from 'react';
import { MicrosoftSignInError } from './MicrosoftSignInError';
import { MicrosoftSignInLink } from './MicrosoftSignInLink';
import { useSession } from './session';
import { useSignInOptions } from './useSignInOptions';

/** @param microsoftFailed the page was opened as ?error=microsoft, after a refused Microsoft 365 sign-in */
export function SignInForm({ microsoftFailed }: { microsoftFailed: boolean }) {
  const { signIn, endedElsewhere } = useSession();
  const { options, loaded } = useSignInOptions(microsoftFailed);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
