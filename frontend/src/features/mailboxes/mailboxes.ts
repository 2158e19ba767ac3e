// A mailbox's state and checks as people read them, and the form values turned into the API's inputs.
import type {
  MailboxKind,
  MailboxState,
  SendEmailInput,
  StartMailboxConnectionInput,
} from '../../gql/graphql';

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

/** How new mail reaches a connected mailbox: pushed by the mail server (IMAP IDLE), or fetched by synchronisations. */
export type PushBadge = StateBadge & { help: string };

export function pushBadge(pushing: boolean): PushBadge {
  return pushing
    ? { label: 'New mail: instant', className: 'badge badge-push',
      help: 'New mail arrives by itself within seconds: the console waits for it on the mail server (IMAP IDLE).' }
    : { label: 'New mail: on schedule', className: 'badge badge-scheduled',
      help: 'New mail arrives with the scheduled synchronisation, if an administrator has it on, or when you click '
        + 'Sync now.' };
}

export const KIND_LABEL: Record<MailboxKind, string> = { PERSONAL: 'Personal', SYSTEM: 'System' };

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
export type ConnectRequest =
  | { kind: 'PERSONAL' }
  | { kind: 'SYSTEM'; sharedAddress: string }
  | { reconnect: { id: string; kind: MailboxKind } };

export function startConnectionInput(request: ConnectRequest): StartMailboxConnectionInput {
  if ('reconnect' in request) return { kind: request.reconnect.kind, mailboxId: request.reconnect.id };
  if (request.kind === 'SYSTEM') return { kind: 'SYSTEM', sharedAddress: request.sharedAddress.trim() };
  return { kind: 'PERSONAL' };
}

/** The folders to sync, in the order the server listed them. */
export function selectedFolderNames(folders: readonly { fullName: string }[], ticked: ReadonlySet<string>): string[] {
  return folders.map((f) => f.fullName).filter((name) => ticked.has(name));
}
