// System > Mailboxes: connecting shared mailboxes, managing them, and every mailbox's health at a glance.
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { accessDenied } from '../../lib/accessDenied';
import { AllMailboxesTable } from './AllMailboxesTable';
import { ConnectionOutcomeFlash } from './ConnectionOutcomeFlash';
import { ConnectSharedMailboxForm } from './ConnectSharedMailboxForm';
import { SystemMailboxesQuery } from './documents';
import { MailboxList } from './MailboxList';
import { useConnectionOutcome } from './useConnectionOutcome';
import { useHealthRefresh } from './useHealthRefresh';

// Tied to Mailbox even while both lists are empty, so that connecting the first one shows it at once
const MAILBOXES = { additionalTypenames: ['Mailbox'] };

export function SystemMailboxesPage() {
  const [{ data, error }, reload] = useQuery({ query: SystemMailboxesQuery, context: MAILBOXES });
  const outcome = useConnectionOutcome();
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  useHealthRefresh(refresh);
  if (accessDenied(error)) return <NoAccess />;

  return (
    <>
      <PageHeader breadcrumb={['System', 'Mailboxes']} title="System Mailboxes" />
      {outcome && <ConnectionOutcomeFlash outcome={outcome} />}
      {error && <Flash type="error">The mailboxes could not be loaded. {error.message}</Flash>}
      <div className="system-mailboxes-layout">
        {!error && (
          <MailboxList
            mailboxes={data?.systemMailboxes}
            empty="No shared mailbox is connected yet."
            onChanged={refresh}
          />
        )}
        <ConnectSharedMailboxForm />
      </div>
      <section className="panel all-mailboxes" aria-labelledby="all-mailboxes-title">
        <h2 id="all-mailboxes-title">All mailboxes</h2>
        {data && <AllMailboxesTable mailboxes={data.allMailboxes} />}
      </section>
    </>
  );
}
