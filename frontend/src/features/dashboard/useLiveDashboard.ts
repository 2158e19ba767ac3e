// The Dashboard kept current: read again when a run of any overseen mailbox ends (announced on mailboxSyncStatus),
// and every 15 s while the tab is shown, since push states change on the server without a sync step.
import { useCallback, useEffect, useEffectEvent } from 'react';
import { useQuery, useSubscription } from 'urql';
import type { SyncState } from '../../gql/graphql';
import { DashboardQuery, DashboardSyncStepsSubscription } from './documents';

export const REFRESH_MS = 15_000;

const ENDED: readonly SyncState[] = ['SUCCEEDED', 'FAILED', 'NEEDS_REAUTH', 'ACCESS_REFUSED', 'DISABLED'];
const RUNNING: readonly SyncState[] = ['CONNECTING', 'SYNCING'];

type Live = { runsEnded: number; running: ReadonlySet<string> };

/** Counts ended runs (each one a reason to read again) and which mailboxes are in a run right now. */
export function received(live: Live | undefined, step: { mailboxId: string; state: SyncState }): Live {
  const running = new Set(live?.running);
  if (RUNNING.includes(step.state)) running.add(step.mailboxId);
  else running.delete(step.mailboxId);
  return { runsEnded: (live?.runsEnded ?? 0) + Number(ENDED.includes(step.state)), running };
}

export function useLiveDashboard() {
  const [{ data, error, fetching }, reload] = useQuery({ query: DashboardQuery });
  const [live] = useSubscription({ query: DashboardSyncStepsSubscription }, (latest: Live | undefined, step) =>
    received(latest, step.mailboxSyncStatus),
  );
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);

  const runsEnded = live.data?.runsEnded ?? 0;
  const onRunEnded = useEffectEvent(() => refresh());
  useEffect(() => {
    if (runsEnded > 0) onRunEnded();
  }, [runsEnded]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return {
    dashboard: data?.dashboard ?? null,
    error: error?.message ?? null,
    loading: fetching && !data,
    syncingNow: live.data?.running.size ?? 0,
  };
}
