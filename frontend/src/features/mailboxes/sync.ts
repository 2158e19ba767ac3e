// A synchronisation step as people read it: the progress text, the last result line, and which of two steps is newer.
import type { SyncStatusFieldsFragment } from '../../gql/graphql';

export type SyncStep = Omit<SyncStatusFieldsFragment, 'mailboxId'>;
export type SyncLine = { tone: 'ok' | 'error' | 'muted'; text: string };

/** "Synchronising INBOX: 3 of 10". */
export function progressText(step: Pick<SyncStep, 'folder' | 'done' | 'total'>): string {
  return `Synchronising ${step.folder ?? 'a folder'}: ${step.done ?? 0} of ${step.total ?? 0}`;
}

/** 45 → "45 ms", 1234 → "1.2 s", 42_000 → "42 s", 125_000 → "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 100) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
}

/** "22:15" today, with the date before it on other days ("Jan 3, 22:15"). */
export function formatClock(iso: string, now: Date = new Date()): string {
  const at = new Date(instant(iso));
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}, ${time}`;
}

function newMessages(count: number): string {
  if (count === 0) return 'no new messages';
  return count === 1 ? '1 new message' : `${count} new messages`;
}

const ACCESS_REFUSED_ADVICE =
  'Microsoft renewed the sign-in, but the mail server refuses this mailbox: check that ' +
  "IMAP and Authenticated SMTP are enabled for it (and, for a shared mailbox, the delegate's rights), then use " +
  'Check connection.';

/** The last run that did not succeed, as the card and the admin overview show it: what, when and why. */
export function failureLine(failure: SyncStep, now: Date = new Date()): string {
  const what =
    failure.state === 'NEEDS_REAUTH'
      ? 'Needs reconnect'
      : failure.state === 'ACCESS_REFUSED'
        ? 'Mail access refused'
        : 'Failed';
  return `${what} at ${formatClock(failure.at, now)}: ${failure.reason ?? 'the mail server gave no reason.'}`;
}

/** The line under a mailbox for every step but SYNCING (which shows a progress bar). */
export function syncLine(step: SyncStep, now: Date = new Date()): SyncLine {
  const at = formatClock(step.at, now);
  switch (step.state) {
    case 'CONNECTING':
      return { tone: 'muted', text: 'Connecting to the mail server…' };
    case 'SYNCING':
      return { tone: 'muted', text: progressText(step) };
    case 'SUCCEEDED': {
      const took = step.durationMs == null ? '' : ` in ${formatDuration(step.durationMs)}`;
      const text = `Last sync: ${newMessages(step.newMessages ?? 0)}${took}, at ${at}`;
      // A reason on a success names selected folders the server no longer has: the run skipped them.
      return step.reason ? { tone: 'error', text: `${text}. ${step.reason}` } : { tone: 'ok', text };
    }
    case 'FAILED':
    case 'NEEDS_REAUTH':
      return { tone: 'error', text: `Last sync failed at ${at}: ${step.reason ?? 'the mail server gave no reason.'}` };
    case 'ACCESS_REFUSED':
      return { tone: 'error', text: `Last sync refused at ${at}: ${step.reason ?? ACCESS_REFUSED_ADVICE}` };
    case 'BUSY':
      return { tone: 'muted', text: 'Already synchronising on another instance; its progress shows here.' };
    case 'DISABLED':
      return { tone: 'error', text: `Not synchronised: ${step.reason ?? 'the mailbox is not connected.'}` };
    default:
      return { tone: 'muted', text: step.reason ?? 'Last sync: none yet' };
  }
}

/** Milliseconds since the epoch; the server may send more than three fraction digits. */
function instant(iso: string): number {
  return Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
}

/** The later of two steps by their time; on a tie the one that arrived last (`next`). */
export function newerStep<T extends Pick<SyncStep, 'at'>>(current: T | null | undefined, next: T | null | undefined) {
  if (!current) return next ?? null;
  if (!next) return current;
  return instant(next.at) >= instant(current.at) ? next : current;
}
