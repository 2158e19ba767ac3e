// The mail reader's logic: pages of messages merged by cursor or on top, which folder opens first, labels people read.
import type { MessagesQuery } from '../../gql/graphql';

export type MessagePage = MessagesQuery['messages'];
export type MessageSummary = MessagePage['edges'][number]['node'];
export type Folder = { id: string; fullName: string; total: number; unread: number };

export const NO_MESSAGES: MessagePage = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** The loaded list followed by the next page (a message already listed is not listed twice); the next page's cursor. */
export function mergePage(loaded: MessagePage, next: MessagePage): MessagePage {
  const seen = new Set(loaded.edges.map((e) => e.node.id));
  return { edges: [...loaded.edges, ...next.edges.filter((e) => !seen.has(e.node.id))], pageInfo: next.pageInfo };
}

/**
 * The newest page on top of the loaded list: messages gone from its range drop out, those loaded past it stay, and
 * so does the cursor of "Load more". With nothing in common (more than a page arrived) the list starts over from it.
 */
export function mergeNewest(loaded: MessagePage, newest: MessagePage): MessagePage {
  const ids = new Set(newest.edges.map((e) => e.node.id));
  let lastShared = loaded.edges.length - 1;
  while (lastShared >= 0 && !ids.has(loaded.edges[lastShared].node.id)) lastShared -= 1;
  if (lastShared < 0) return newest;
  const rest = loaded.edges.slice(lastShared + 1);
  return { edges: [...newest.edges, ...rest], pageInfo: rest.length ? loaded.pageInfo : newest.pageInfo };
}

/** Whether a sync step tells that new mail was stored. */
export function bringsNewMail(step: { state: string; newMessages?: number | null }): boolean {
  return step.state === 'SUCCEEDED' && (step.newMessages ?? 0) > 0;
}

/** INBOX when the mailbox has it, else the first folder. */
export function firstFolder<F extends Folder>(folders: readonly F[]): F | null {
  return folders.find((f) => f.fullName.toUpperCase() === 'INBOX') ?? folders[0] ?? null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 unread, 10 messages": what a folder's "2/10" means. */
export function countsLabel(folder: Pick<Folder, 'unread' | 'total'>): string {
  return `${folder.unread ? `${folder.unread} unread` : 'none unread'}, ${plural(folder.total, 'message')}`;
}

export function senderLabel(m: { fromName?: string | null; fromAddress?: string | null }): string {
  return m.fromName || m.fromAddress || '(unknown sender)';
}

/** "Jane Contoso <jane@contoso.com>", or whichever of the two is known. */
export function fromLine(m: { fromName?: string | null; fromAddress?: string | null }): string {
  if (m.fromName && m.fromAddress) return `${m.fromName} <${m.fromAddress}>`;
  return senderLabel(m);
}

/** "512 B", "3.4 KB", "12 KB", "1.5 MB". */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || size >= 10 ? Math.round(size) : Math.round(size * 10) / 10;
  return `${shown} ${units[unit]}`;
}

/** A list's date column: the time today, the day this year, the full date before. */
export function formatListDate(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  if (at.toDateString() === now.toDateString()) {
    return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  }
  const sameYear = at.getFullYear() === now.getFullYear();
  return at.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric' });
}
