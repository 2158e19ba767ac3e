// After Microsoft sends the browser back (?connection=done): reads, once, how the connection went, then tidies the URL.
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useClient } from 'urql';
import type { MicrosoftErrorLike } from '../../components/MicrosoftErrorDetails';
import { LastMailboxConnectionQuery } from './documents';

export type ConnectionOutcome =
  { connected: true; address: string } | { connected: false; error: MicrosoftErrorLike | null; problem?: string };

export function useConnectionOutcome(): ConnectionOutcome | null {
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const returned = params.get('connection') === 'done';
  const [outcome, setOutcome] = useState<ConnectionOutcome | null>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (!returned || asked.current) return;
    asked.current = true;
    void client
      .query(LastMailboxConnectionQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        const last = result.data?.lastMailboxConnection;
        setOutcome(
          last?.mailbox
            ? { connected: true, address: last.mailbox.address }
            : { connected: false, error: last?.error ?? null, problem: result.error?.message },
        );
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            next.delete('connection');
            return next;
          },
          { replace: true },
        );
      });
  }, [returned, client, setParams]);

  return outcome;
}
