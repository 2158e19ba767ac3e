// The new token's secret, shown once right after creation, with a Copy button.
import { CopyButton } from '../../components/CopyButton';

export function NewTokenSecret({ name, secret }: { name: string; secret: string }) {
  return (
    <section className="token-secret" aria-label="New API token">
      <h2>Token “{name}” created</h2>
      <p>
        <strong>Copy this token now. It will not be shown again.</strong>
      </p>
      <div className="input-with-button">
        <input id="new-token-secret" type="text" readOnly value={secret} aria-label="Your new API token" />
        <CopyButton value={secret} />
      </div>
      <p className="muted">
        Send it as <code>Authorization: Bearer &lt;token&gt;</code> with requests to <code>/graphql</code>.
      </p>
    </section>
  );
}
