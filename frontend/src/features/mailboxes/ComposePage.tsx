// Compose: writes a message and sends it from one of the caller's connected mailboxes.
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { PageHeader } from '../../components/PageHeader';
import { ComposeForm } from './ComposeForm';
import { MailboxQuery } from './documents';

export function ComposePage() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: MailboxQuery, variables: { id } });
  const mailbox = data?.mailbox;
  const back = mailbox?.kind === 'SYSTEM' ? '/system/mailboxes' : '/mailboxes';

  return (
    <>
      <PageHeader
        breadcrumb={['Mailboxes', 'Compose']}
        title="Compose"
        actions={
          <Link to={back} className="btn">
            Back to mailboxes
          </Link>
        }
      />
      {error && <Flash type="error">The mailbox could not be loaded. {error.message}</Flash>}
      {!mailbox && !fetching && !error && <Flash type="error">You have no mailbox with this id.</Flash>}
      {mailbox && mailbox.state !== 'CONNECTED' && (
        <Flash type="error">{mailbox.address} is not connected: reconnect it on the mailboxes page to send mail.</Flash>
      )}
      {mailbox && (
        <ComposeForm mailboxId={mailbox.id} from={mailbox.address} disabled={mailbox.state !== 'CONNECTED'} />
      )}
    </>
  );
}
