// Counts the synchronisations that store new mail in a mailbox while the reader is open, so it can show that mail.
import { useSubscription } from 'urql';
import { MailReaderSyncStatusSubscription } from './documents';
import { bringsNewMail } from './reader';

/** How often new mail arrived since the page opened: the first step is the latest one replayed, which is not news. */
export function useNewMail(mailboxId: string): number {
  const [live] = useSubscription(
    { query: MailReaderSyncStatusSubscription, variables: { mailboxId } },
    (arrivals: number | undefined, data) =>
      arrivals === undefined ? 0 : arrivals + Number(bringsNewMail(data.mailboxSyncStatus)),
  );
  return live.data ?? 0;
}
