// "Connect a shared mailbox": its address and transport, then Microsoft's sign-in with an account that has access to it.
import { useState, type FormEvent } from 'react';
import { Flash } from '../../components/Flash';
import type { MailTransport } from '../../gql/graphql';
import { groupUserErrors } from '../../lib/userErrors';
import { TransportChoice } from './TransportChoice';
import { useConnect } from './useConnect';

export function ConnectSharedMailboxForm() {
  const { busy, errors, connect } = useConnect();
  const [address, setAddress] = useState('');
  const [transport, setTransport] = useState<MailTransport>('IMAP');
  const grouped = groupUserErrors(errors, ['sharedAddress'] as const);
  const fieldErrors = grouped.byField.sharedAddress;

  function submit(event: FormEvent) {
    event.preventDefault();
    void connect({ kind: 'SYSTEM', sharedAddress: address, transport });
  }

  return (
    <form className="panel connect-shared" onSubmit={submit} aria-label="Connect a shared mailbox" noValidate>
      <h2>Connect a shared mailbox</h2>
      {grouped.general.length > 0 && <Flash type="error">{grouped.general.join(' ')}</Flash>}
      <div className={`stacked-field${fieldErrors ? ' has-error' : ''}`}>
        <label htmlFor="shared-address">Shared mailbox address</label>
        <input
          id="shared-address"
          type="email"
          autoComplete="off"
          placeholder="support@contoso.com"
          value={address}
          aria-describedby={`shared-address-hint${fieldErrors ? ' shared-address-error' : ''}`}
          onChange={(e) => setAddress(e.target.value)}
        />
        {fieldErrors && (
          <div className="field-error" id="shared-address-error">
            {fieldErrors.join(' ')}
          </div>
        )}
        <div className="field-hint" id="shared-address-hint">
          At Microsoft, sign in with an account that has Full Access to this mailbox.
        </div>
      </div>
      <TransportChoice value={transport} onChange={setTransport} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Connect shared mailbox
      </button>
    </form>
  );
}
