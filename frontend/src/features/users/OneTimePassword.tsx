// A reset's one-time password, shown once to the admin right after the reset, with a Copy button.
import { CopyButton } from '../../components/CopyButton';
import { formatDateTime } from '../../lib/format';

type Props = { username: string; password: string; expiresAt: string | null | undefined };

export function OneTimePassword({ username, password, expiresAt }: Props) {
  return (
    <section className="token-secret" aria-label="One-time password">
      <h2>Password of {username} reset</h2>
      <p>
        <strong>Copy this one-time password now and give it to {username}. It will not be shown again.</strong>
      </p>
      <div className="input-with-button">
        <input type="text" readOnly value={password} aria-label={`One-time password of ${username}`} />
        <CopyButton value={password} />
      </div>
      <p className="muted">
        It works until {formatDateTime(expiresAt)}; {username} must choose a new password at the next sign-in. Their
        sessions and API tokens have ended.
      </p>
    </section>
  );
}
