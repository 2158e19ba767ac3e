// How the Dashboard names what it counts, and where each mailbox is managed.
import type { DashboardQuery, DashboardScope, SyncState } from '../../gql/graphql';

type DashboardData = DashboardQuery['dashboard'];
export type Counts = DashboardData['mailboxes'];
export type Pushes = DashboardData['push'];
type MailboxRef = { kind: 'PERSONAL' | 'SYSTEM' };

/** The mailbox tiles, in the order an admin reads them: what works, then what needs someone. */
export const STATE_TILES: readonly {
  key: Exclude<keyof Counts, 'total' | '__typename'>;
  label: string;
  tone: string;
}[] = [
  { key: 'connected', label: 'Connected', tone: 'ok' },
  { key: 'failing', label: 'Failing', tone: 'error' },
  { key: 'needsReconnect', label: 'Needs reconnect', tone: 'warning' },
  { key: 'accessRefused', label: 'Mail access refused', tone: 'error' },
  { key: 'disconnected', label: 'Disconnected', tone: 'muted' },
];

export const PUSH_TILES: readonly { key: Exclude<keyof Pushes, '__typename'>; label: string; tone: string }[] = [
  { key: 'watched', label: 'Watched (instant)', tone: 'ok' },
  { key: 'connecting', label: 'Connecting', tone: 'muted' },
  { key: 'failing', label: 'Reconnecting or failing', tone: 'error' },
  { key: 'notWatched', label: 'Not watched (on schedule)', tone: 'muted' },
];

const FAILURES: Partial<Record<SyncState, string>> = {
  FAILED: 'Sync failed',
  NEEDS_REAUTH: 'Needs reconnect',
  ACCESS_REFUSED: 'Mail access refused',
};

export function failureLabel(state: SyncState): string {
  return FAILURES[state] ?? state;
}

/**
 * Where the caller manages a mailbox: a user's own on My Mailboxes; on an admin's Dashboard every mailbox is on System
 * > Mailboxes (its All mailboxes table), where the admin's own personal ones are also listed.
 */
export function mailboxPath(scope: DashboardScope, mailbox: MailboxRef): string {
  return scope === 'OWN_MAILBOXES' && mailbox.kind === 'PERSONAL' ? '/mailboxes' : '/system/mailboxes';
}

/** The headline: nothing needs attention, or how many mailboxes need someone. */
export function summary(counts: Counts): string {
  if (counts.total === 0) return 'No mailbox is connected yet.';
  const mailboxes = counts.total === 1 ? '1 mailbox' : `${counts.total} mailboxes`;
  const attention = counts.failing + counts.needsReconnect + counts.accessRefused;
  if (attention === 0) return `${mailboxes}, nothing needs attention.`;
  return `${attention} of ${mailboxes} ${attention === 1 ? 'needs' : 'need'} attention.`;
}
