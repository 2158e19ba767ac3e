// "Connect a shared mailbox": its address, then either a delegate's consent at Microsoft (over IMAP or Graph) or the
// application's own Graph permission, granted with admin consent in Azure, without any sign-in.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Flash } from '../../components/Flash';
import type { MailTransport } from '../../gql/graphql';
import { groupUserErrors, type UserErrorLike } from '../../lib/userErrors';
import { ConnectSharedMailboxWithAppPermissionMutation } from './documents';
import { TransportChoice } from './TransportChoice';
import { useConnect } from './useConnect';

type Access = 'DELEGATE' | 'APPLICATION';

export function ConnectSharedMailboxForm() {
  const delegated = useConnect();
  const [{ fetching }, connectWithApp] = useMutation(ConnectSharedMailboxWithAppPermissionMutation);
  const [appErrors, setAppErrors] = useState<readonly UserErrorLike[]>([]);
  const [connected, setConnected] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [access, setAccess] = useState<Access>('DELEGATE');
  const [transport, setTransport] = useState<MailTransport>('IMAP');
  const errors = access === 'APPLICATION' ? appErrors : delegated.errors;
  const grouped = groupUserErrors(
    errors.map((e) => (e.field === 'address' ? { ...e, field: 'sharedAddress' } : e)),
    ['sharedAddress'] as const,
  );
  const fieldErrors = grouped.byField.sharedAddress;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setConnected(null);
    if (access === 'DELEGATE') {
      void delegated.connect({ kind: 'SYSTEM', sharedAddress: address, transport });
      return;
    }
    setAppErrors([]);
    const result = await connectWithApp({ input: { address: address.trim() } }, { additionalTypenames: ['Mailbox'] });
    const payload = result.data?.connectSharedMailboxWithAppPermission;
    if (payload?.mailbox) {
      setConnected(payload.mailbox.address);
      return;
    }
    const problem = `The mailbox could not be connected. ${result.error?.message ?? ''}`.trim();
    setAppErrors(payload?.errors.length ? payload.errors : [{ field: null, message: problem }]);
  }

  return (
    <form className="panel connect-shared" onSubmit={submit} aria-label="Connect a shared mailbox" noValidate>
      <h2>Connect a shared mailbox</h2>
      {grouped.general.length > 0 && <Flash type="error">{grouped.general.join(' ')}</Flash>}
      {connected && <Flash type="success">{`${connected} is connected with the application's permission.`}</Flash>}
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
          {access === 'DELEGATE'
            ? 'At Microsoft, sign in with an account that has Full Access to this mailbox.'
            : 'No sign-in: the application needs the Microsoft Graph application permissions Mail.ReadWrite and Mail.Send with admin consent in Azure.'}
        </div>
      </div>
      <fieldset className="transport-choice">
        <legend>Access</legend>
        <label className="transport-option">
          <input
            type="radio"
            name="shared-access"
            checked={access === 'DELEGATE'}
            onChange={() => setAccess('DELEGATE')}
          />
          <span>
            <strong>Through a delegate</strong> <span className="muted">(consent at Microsoft)</span>
          </span>
        </label>
        <label className="transport-option">
          <input
            type="radio"
            name="shared-access"
            checked={access === 'APPLICATION'}
            onChange={() => setAccess('APPLICATION')}
          />
          <span>
            <strong>With the application’s permission</strong>{' '}
            <span className="muted">(admin consent in Azure, over Graph)</span>
          </span>
        </label>
      </fieldset>
      {access === 'DELEGATE' && <TransportChoice value={transport} onChange={setTransport} />}
      <button type="submit" className="btn btn-primary" disabled={delegated.busy || fetching}>
        Connect shared mailbox
      </button>
    </form>
  );
}
