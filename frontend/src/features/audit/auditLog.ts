// The audit log's filter as the page's address holds it (?actor=&kind=&from=&to=), as the API takes it, and labels.
import type { AuditEventKind, AuditLogFilter } from '../../gql/graphql';

export const KIND_LABELS: Record<AuditEventKind, string> = {
  SETTING_CHANGED: 'Setting changed',
  SIGN_IN_LOCKED: 'Sign-in locked',
  SIGNED_OUT_EVERYWHERE: 'Signed out everywhere',
  PASSWORD_CHANGED: 'Password changed',
  API_TOKEN_CREATED: 'API token created',
  API_TOKEN_REVOKED: 'API token revoked',
  MAILBOX_CONNECTED: 'Mailbox connected',
  MAILBOX_RECONNECTED: 'Mailbox reconnected',
  MAILBOX_DISCONNECTED: 'Mailbox disconnected',
  USER_CREATED: 'User created',
  USER_DISABLED: 'User disabled',
  USER_ENABLED: 'User enabled',
  USER_DELETED: 'User deleted',
  USER_ROLE_CHANGED: 'User role changed',
  USER_PASSWORD_RESET: 'User password reset',
  USER_IDENTITY_UNLINKED: 'Microsoft identity unlinked',
};

export const KINDS = Object.keys(KIND_LABELS) as AuditEventKind[];

/** What the filter form shows: the actor text, the kinds ticked, and the first and last day (yyyy-mm-dd). */
export type FilterForm = { actor: string; kinds: AuditEventKind[]; from: string; to: string };

export const NO_FILTER: FilterForm = { actor: '', kinds: [], from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formFromSearch(search: URLSearchParams): FilterForm {
  const day = (name: string) => {
    const value = search.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    actor: search.get('actor') ?? '',
    kinds: search.getAll('kind').filter((k): k is AuditEventKind => k in KIND_LABELS),
    from: day('from'),
    to: day('to'),
  };
}

export function searchFromForm(form: FilterForm): URLSearchParams {
  const search = new URLSearchParams();
  if (form.actor.trim()) search.set('actor', form.actor.trim());
  form.kinds.forEach((k) => search.append('kind', k));
  if (form.from) search.set('from', form.from);
  if (form.to) search.set('to', form.to);
  return search;
}

/** Midnight at the start of a day in the browser's time zone, as an ISO instant. */
function startOfDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The API's filter: from the first day's start to the end of the last day (both in the browser's time zone). */
export function apiFilter(form: FilterForm): AuditLogFilter {
  return {
    actor: form.actor.trim() || null,
    kinds: form.kinds.length ? form.kinds : null,
    from: form.from ? startOfDay(form.from) : null,
    to: form.to ? startOfDay(form.to, 1) : null,
  };
}

/** Why the form cannot be applied, or null. */
export function formProblem(form: FilterForm): string | null {
  return form.from && form.to && form.to < form.from ? 'The last day must not be before the first day.' : null;
}

export function csvFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `audit-log-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** Lets the browser save the text as a file, without leaving the page. */
export function saveFile(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
