// A mailbox's state and checks as people read them, and the form values turned into the API's inputs.
import type {
  MailboxFieldsFragment,
  MailboxKind,
  MailboxState,
  MailTransport,
  SendEmailInput,
  StartMailboxConnectionInput,
} from '../../gql/graphql';
import { formatClock } from './sync';

export type StateBadge = { label: string; className: string };

const BADGES: Record<MailboxState, StateBadge> = {
  CONNECTED: { label: 'Connected', className: 'badge badge-connected' },
  NEEDS_REAUTH: { label: 'Needs reconnect', className: 'badge badge-needs-reauth' },
  ACCESS_REFUSED: { label: 'Mail access refused', className: 'badge badge-access-refused' },
  DISCONNECTED: { label: 'Disconnected', className: 'badge badge-disconnected' },
};

export function stateBadge(state: MailboxState): StateBadge {
  return BADGES[state] ?? { label: state, className: 'badge' };
}

/**
 * How new mail reaches a connected mailbox: pushed by the mail server (IMAP IDLE, or Microsoft Graph's change
 * notifications, which say so in the reason), or fetched by synchronisations.
 */
export type PushBadge = StateBadge & { help: string };

type Push = MailboxFieldsFragment['push'];

const ON_SCHEDULE =
  'New mail arrives with the scheduled synchronisation, if an administrator has it on, or when you ' +
  'click Sync now.';

/** The push state as it is: instant only while a watcher waits in IDLE; reconnecting or failing since when, and why. */
export function pushBadge(push: Push, now: Date = new Date()): PushBadge {
  const since = push.since ? ` since ${formatClock(push.since, now)}` : '';
  switch (push.state) {
    case 'WATCHING':
      return {
        label: 'New mail: instant',
        className: 'badge badge-push',
        help:
          push.reason ??
          'New mail arrives by itself within seconds: the console waits for it on the mail server (IMAP IDLE).',
      };
    case 'CONNECTING':
      return {
        label: 'New mail: connecting…',
        className: 'badge badge-scheduled',
        help: `The console is logging in to wait for new mail on the mail server (IMAP IDLE). ${ON_SCHEDULE}`,
      };
    case 'RECONNECTING':
      return {
        label: `New mail: reconnecting${since}`,
        className: 'badge badge-reconnecting',
        help: sentences(
          'The connection that waits for new mail failed; the next attempt comes within seconds.',
          push.reason,
          ON_SCHEDULE,
        ),
      };
    case 'FAILING':
      return {
        label: `New mail: failing${since}`,
        className: 'badge badge-push-failing',
        help:
          `Waiting for new mail keeps failing: ${push.reason ?? 'the mail server gave no reason.'} ` +
          `It is tried again by itself, less often. ${ON_SCHEDULE}`,
      };
    default:
      return {
        label: 'New mail: on schedule',
        className: 'badge badge-scheduled',
        help: sentences(ON_SCHEDULE, push.reason),
      };
  }
}

/** The failure to show beside the badge while push reconnects or keeps failing; null otherwise. */
export function pushProblem(push: Push): string | null {
  return push.state === 'RECONNECTING' || push.state === 'FAILING' ? (push.reason ?? null) : null;
}

const sentences = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

/** The folders a mailbox synchronises: the chosen ones, or INBOX when none was chosen. */
export function syncedFolders(selected: readonly string[]): string {
  return selected.length ? selected.join(', ') : 'INBOX (the default while no folder is chosen)';
}

export const KIND_LABEL: Record<MailboxKind, string> = { PERSONAL: 'Personal', SYSTEM: 'System' };

export const TRANSPORT_LABEL: Record<MailTransport, string> = { IMAP: 'IMAP and SMTP', GRAPH: 'Microsoft Graph' };

/** The transport a mailbox is not on: what "Switch" moves it to. */
/** What a check of the mailbox covers, by transport: IMAP and SMTP logins, or reading and sending over Graph. */
export const CHECK_LABELS: Record<MailTransport, { read: string; send: string; server: string }> = {
  IMAP: { read: 'IMAP', send: 'SMTP', server: 'IMAP' },
  GRAPH: { read: 'Graph reading', send: 'Graph sending', server: 'Microsoft Graph' },
};

export function otherTransport(transport: MailTransport): MailTransport {
  return transport === 'GRAPH' ? 'IMAP' : 'GRAPH';
}

/** What the stored result of an IMAP or SMTP check says: never checked, passed, or why it failed. */
export type CheckOutcome = { ok: boolean | null; message: string };

export function checkOutcome(stored: string | null | undefined): CheckOutcome {
  if (!stored) return { ok: null, message: 'Not checked yet' };
  if (stored === 'OK') return { ok: true, message: 'The server accepted the token.' };
  return { ok: false, message: stored };
}

/** Splits "a@x.com, Bob <b@y.com>; c@z.com" into addresses; commas inside quotes or angle brackets do not split. */
export function parseRecipients(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if (!quoted && !angled && (ch === ',' || ch === ';' || ch === '\n')) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const addresses = parts.map((p) => (/<([^<>]*)>/.exec(p)?.[1] ?? p).trim()).filter(Boolean);
  return addresses.filter((a, i) => addresses.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i);
}

export type ComposeForm = { to: string; cc: string; bcc: string; subject: string; text: string };

export const EMPTY_COMPOSE: ComposeForm = { to: '', cc: '', bcc: '', subject: '', text: '' };

export function sendEmailInput(mailboxId: string, form: ComposeForm): SendEmailInput {
  return {
    mailboxId,
    to: parseRecipients(form.to),
    cc: parseRecipients(form.cc),
    bcc: parseRecipients(form.bcc),
    subject: form.subject.trim(),
    text: form.text,
  };
}

/** Connect a new personal mailbox, a shared one (SYSTEM, by address), or reconnect an existing one by id. */
/** A new mailbox names its transport; a reconnection keeps the mailbox's unless it asks to switch. */
export type ConnectRequest =
  | { kind: 'PERSONAL'; transport: MailTransport }
  | { kind: 'SYSTEM'; sharedAddress: string; transport: MailTransport }
  | { reconnect: { id: string; kind: MailboxKind }; transport?: MailTransport };

export function startConnectionInput(request: ConnectRequest): StartMailboxConnectionInput {
  if ('reconnect' in request) {
    const input = { kind: request.reconnect.kind, mailboxId: request.reconnect.id };
    return request.transport ? { ...input, transport: request.transport } : input;
  }
  if (request.kind === 'SYSTEM') {
    return { kind: 'SYSTEM', sharedAddress: request.sharedAddress.trim(), transport: request.transport };
  }
  return { kind: 'PERSONAL', transport: request.transport };
}

/** The folders to sync, in the order the server listed them. */
export function selectedFolderNames(folders: readonly { fullName: string }[], ticked: ReadonlySet<string>): string[] {
  return folders.map((f) => f.fullName).filter((name) => ticked.has(name));
}
