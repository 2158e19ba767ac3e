// A mailbox card's synchronisation row: "Sync now" and the live line (a progress bar, or how the last sync went).
import type { SyncStatusFieldsFragment } from '../../gql/graphql';
import { SyncProgress } from './SyncProgress';
import { syncLine } from './sync';
import { useMailboxSync } from './useMailboxSync';

type Props = { mailboxId: string; lastSync?: SyncStatusFieldsFragment | null; canSync: boolean };

export function MailboxSync({ mailboxId, lastSync, canSync }: Props) {
  const { step, running, problem, liveError, syncNow } = useMailboxSync(mailboxId, lastSync);
  const line = step && step.state !== 'SYNCING' ? syncLine(step) : null;
  return (
    <div className="mailbox-sync">
      {canSync && (
        <button type="button" className="btn" disabled={running} onClick={() => void syncNow()}>
          Sync now
        </button>
      )}
      <span className="sync-line" aria-live="polite">
        {step?.state === 'SYNCING' && <SyncProgress step={step} />}
        {line && <span className={`sync-${line.tone}`}>{line.text}</span>}
        {!step && !liveError && <span className="sync-muted">Reading the sync status…</span>}
        {!step && liveError && <span className="sync-muted">The live sync status is unavailable. {liveError}</span>}
        {problem && <span className="sync-error">{problem}</span>}
      </span>
    </div>
  );
}
