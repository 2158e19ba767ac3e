// A mailbox's synchronisation: the last recorded run, its live steps and "Sync now", whose answer counts as a step too.
import { useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import type { SyncStatusFieldsFragment } from '../../gql/graphql';
import { MailboxSyncStatusSubscription, SyncMailboxMutation } from './documents';
import { newerStep } from './sync';

type Step = SyncStatusFieldsFragment;

/** The subscription's first step is a bare IDLE when this server has seen no run yet: it says nothing new. */
const informative = (step: Step | null | undefined) => (step && (step.state !== 'IDLE' || step.reason) ? step : null);

export function useMailboxSync(mailboxId: string, lastSync: Step | null | undefined) {
  const [live] = useSubscription(
    { query: MailboxSyncStatusSubscription, variables: { mailboxId } },
    (latest: Step | null | undefined, data) => newerStep(latest, data.mailboxSyncStatus),
  );
  const [{ fetching }, run] = useMutation(SyncMailboxMutation);
  const [answered, setAnswered] = useState<Step | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const step = newerStep(newerStep(lastSync, answered), informative(live.data)) ?? live.data ?? null;
  const running = fetching || step?.state === 'CONNECTING' || step?.state === 'SYNCING';

  async function syncNow() {
    setProblem(null);
    const result = await run({ input: { mailboxId } });
    const payload = result.data?.syncMailbox;
    const refused = payload?.errors[0]?.message ?? (payload ? null : (result.error?.message ?? 'No answer.'));
    if (refused) setProblem(`The mailbox was not synchronised. ${refused}`);
    if (payload?.status) setAnswered(payload.status);
  }

  return { step, running, problem, liveError: live.error?.message ?? null, syncNow };
}
