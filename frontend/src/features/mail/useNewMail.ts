// Counts the synchronisations that store new mail in a mailbox while the reader is open, so it can show that mail;
// coming back to a hidden tab counts too, as its page may have missed or postponed showing what arrived meanwhile.
import { useEffect, useState } from 'react';
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
  const [returns, setReturns] = useState(0);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') setReturns((count) => count + 1);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  return (live.data ?? 0) + returns;
}
