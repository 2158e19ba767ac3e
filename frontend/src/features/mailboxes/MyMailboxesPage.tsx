// Mailboxes: the signed-in user's own Microsoft 365 mailboxes, connecting one, and each one's health and actions.
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { PageHeader } from '../../components/PageHeader';
import type { MailTransport } from '../../gql/graphql';
import { ConnectionOutcomeFlash } from './ConnectionOutcomeFlash';
import { MyMailboxesQuery } from './documents';
import { MailboxList } from './MailboxList';
import { TransportChoice } from './TransportChoice';
import { useConnect } from './useConnect';
import { useConnectionOutcome } from './useConnectionOutcome';
import { useHealthRefresh } from './useHealthRefresh';

export function MyMailboxesPage() {
  const [{ data, error }, reload] = useQuery({ query: MyMailboxesQuery });
  const { busy, errors, connect } = useConnect();
  const outcome = useConnectionOutcome();
  const [transport, setTransport] = useState<MailTransport>('IMAP');
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  useHealthRefresh(refresh);

  const action = (
    <button
      type="button"
      className="btn btn-primary"
      disabled={busy}
      onClick={() => void connect({ kind: 'PERSONAL', transport })}
    >
      Connect Microsoft 365 mailbox
    </button>
  );
  return (
    <>
      <PageHeader breadcrumb={['My Account', 'Mailboxes']} title="Mailboxes" actions={action} />
      {outcome && <ConnectionOutcomeFlash outcome={outcome} />}
      {errors.length > 0 && (
        <Flash type="error">The mailbox could not be connected. {errors.map((e) => e.message).join(' ')}</Flash>
      )}
      {error && <Flash type="error">The mailboxes could not be loaded. {error.message}</Flash>}
      <p className="muted intro">
        Connecting signs you in at Microsoft, where you allow the console to read and send your mail, over IMAP and SMTP
        or over Microsoft Graph. Your password never reaches the console.
      </p>
      <TransportChoice value={transport} onChange={setTransport} />
      {!error && (
        <MailboxList mailboxes={data?.myMailboxes} empty="You have not connected a mailbox yet." onChanged={refresh} />
      )}
    </>
  );
}
