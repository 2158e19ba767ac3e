// A synchronisation in progress as a bar: "Synchronising INBOX: 3 of 10".
import { progressText, type SyncStep } from './sync';

export function SyncProgress({ step }: { step: SyncStep }) {
  const text = progressText(step);
  const done = step.done ?? 0;
  const total = step.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <span className="sync-progress">
      <span
        className="progress"
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuenow={done}
        aria-valuemax={total}
      >
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span>{text}</span>
    </span>
  );
}
