// A mailbox card's synchronisation row: "Sync now", how new mail arrives, and the live line (progress or last result).
import { useId } from 'react';
import { HelpTooltip } from '../../components/HelpTooltip';
import type { MailboxFieldsFragment, SyncStatusFieldsFragment } from '../../gql/graphql';
import { pushBadge, pushProblem } from './mailboxes';
import { SyncProgress } from './SyncProgress';
import { syncLine } from './sync';
import { useMailboxSync } from './useMailboxSync';

type Props = {
  mailboxId: string;
  lastSync?: SyncStatusFieldsFragment | null;
  canSync: boolean;
  push: MailboxFieldsFragment['push'];
  onRunEnded?: () => void;
};

export function MailboxSync({ mailboxId, lastSync, canSync, push: pushStatus, onRunEnded }: Props) {
  const { step, running, problem, liveError, syncNow } = useMailboxSync(mailboxId, lastSync, onRunEnded);
  const helpId = useId();
  const line = step && step.state !== 'SYNCING' ? syncLine(step) : null;
  const push = pushBadge(pushStatus);
  return (
    <div className="mailbox-sync">
      {canSync && (
        <button type="button" className="btn" aria-disabled={running} onClick={() => !running && void syncNow()}>
          Sync now
        </button>
      )}
      {canSync && (
        <span className="push-badge">
          <span className={push.className}>{push.label}</span>
          <HelpTooltip id={helpId} text={push.help} />
        </span>
      )}
      {canSync && pushProblem(pushStatus) && <span className="push-problem">{pushProblem(pushStatus)}</span>}
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
