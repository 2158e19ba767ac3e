// A mailbox's synchronisation: the last recorded run, its live steps and "Sync now", whose answer counts as a step too.
import { useEffect, useEffectEvent, useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import type { SyncState, SyncStatusFieldsFragment } from '../../gql/graphql';
import { MailboxSyncStatusSubscription, SyncMailboxMutation } from './documents';
import { newerStep } from './sync';
import { useShownStep } from './useShownStep';

type Step = SyncStatusFieldsFragment;
type Live = { step: Step; runsEnded: number };

const ENDED: readonly SyncState[] = ['SUCCEEDED', 'FAILED', 'NEEDS_REAUTH', 'ACCESS_REFUSED', 'DISABLED'];

/** The subscription's first step is a bare IDLE when this server has seen no run yet: it says nothing new. */
const informative = (step: Step | null | undefined) => (step && (step.state !== 'IDLE' || step.reason) ? step : null);

/** The newest step, and how many runs ended since subscribing: the first step is the latest one replayed, not news. */
function received(live: Live | undefined, step: Step): Live {
  return {
    step: newerStep(live?.step, step) ?? step,
    runsEnded: live ? live.runsEnded + Number(ENDED.includes(step.state)) : 0,
  };
}

export function useMailboxSync(mailboxId: string, lastSync: Step | null | undefined, onRunEnded?: () => void) {
  const [live] = useSubscription(
    { query: MailboxSyncStatusSubscription, variables: { mailboxId } },
    (latest: Live | undefined, data) => received(latest, data.mailboxSyncStatus),
  );
  const [{ fetching }, run] = useMutation(SyncMailboxMutation);
  const [answered, setAnswered] = useState<Step | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = newerStep(newerStep(lastSync, answered), informative(live.data?.step)) ?? live.data?.step ?? null;
  const step = useShownStep(latest);
  const running = fetching || step?.state === 'CONNECTING' || step?.state === 'SYNCING';
  const runsEnded = live.data?.runsEnded ?? 0;

  const runEnded = useEffectEvent(() => onRunEnded?.());
  useEffect(() => {
    if (runsEnded > 0) runEnded();
  }, [runsEnded]);

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
