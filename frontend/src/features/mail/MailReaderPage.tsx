// Read mail: a mailbox's synchronised folders, the open folder's messages, the open message; new mail shows live.
import { useEffect, useEffectEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { PageHeader } from '../../components/PageHeader';
import { MailReaderQuery } from './documents';
import { FolderList } from './FolderList';
import { MessageList } from './MessageList';
import { MessageView } from './MessageView';
import { firstFolder } from './reader';
import { useNewMail } from './useNewMail';

export function MailReaderPage() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }, reload] = useQuery({ query: MailReaderQuery, variables: { mailboxId: id } });
  const newMail = useNewMail(id);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [messageId, setMessageId] = useState<string | null>(null);
  const mailbox = data?.mailbox;
  const folders = data?.mailFolders ?? [];
  const folder = folders.find((f) => f.id === folderId) ?? firstFolder(folders);
  const back = mailbox?.kind === 'SYSTEM' ? '/system/mailboxes' : '/mailboxes';

  const reloadForNewMail = useEffectEvent(() => reload({ requestPolicy: 'network-only' }));
  useEffect(() => {
    if (newMail > 0) reloadForNewMail();
  }, [newMail]);

  function openFolder(next: string) {
    setFolderId(next);
    setMessageId(null);
  }

  return (
    <>
      <PageHeader
        breadcrumb={['Mailboxes', 'Read mail']}
        title={mailbox?.address ?? 'Read mail'}
        actions={
          <Link to={back} className="btn">
            Back to mailboxes
          </Link>
        }
      />
      {error && <Flash type="error">The mail could not be loaded. {error.message}</Flash>}
      {data && !mailbox && <Flash type="error">You have no mailbox with this id.</Flash>}
      {fetching && !data && <p className="muted loading">Loading…</p>}
      {mailbox && !folder && (
        <p className="panel muted empty-list">
          No synchronised mail yet: click Sync now on the <Link to={back}>mailbox's card</Link>.
        </p>
      )}
      {mailbox && folder && (
        <div className="mail-reader">
          <FolderList folders={folders} openId={folder.id} onOpen={openFolder} />
          <MessageList
            key={folder.id}
            folderId={folder.id}
            openId={messageId}
            onOpen={setMessageId}
            newMail={newMail}
          />
          <section className="panel mail-pane">
            {messageId ? <MessageView messageId={messageId} /> : <p className="muted">Select a message to read it.</p>}
          </section>
        </div>
      )}
    </>
  );
}
