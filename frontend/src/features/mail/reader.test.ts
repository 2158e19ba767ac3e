// Tests the reader's logic: merging pages by cursor and on top, new mail, the first folder, labels, dates, the frame.
import { describe, expect, it } from 'vitest';
import { frameDocument } from './MessageBody';
import {
  bringsNewMail,
  countsLabel,
  firstFolder,
  formatListDate,
  formatSize,
  fromLine,
  mergeNewest,
  mergePage,
  NO_MESSAGES,
  senderLabel,
  type MessagePage,
} from './reader';

const node = (id: string) => ({
  id,
  subject: `s${id}`,
  fromName: null,
  fromAddress: 'a@contoso.com',
  receivedAt: '2030-01-01T10:00:00Z',
  seen: true,
  flagged: false,
  hasAttachments: false,
});
const page = (ids: string[], hasNextPage: boolean, endCursor: string | null): MessagePage => ({
  edges: ids.map((id) => ({ cursor: `c${id}`, node: node(id) })),
  pageInfo: { hasNextPage, endCursor },
});

describe('mergePage', () => {
  it('appends the next page and takes its cursor', () => {
    const first = mergePage(NO_MESSAGES, page(['1', '2'], true, 'c2'));
    const both = mergePage(first, page(['3'], false, 'c3'));
    expect(both.edges.map((e) => e.node.id)).toEqual(['1', '2', '3']);
    expect(both.pageInfo).toEqual({ hasNextPage: false, endCursor: 'c3' });
  });
  it('does not list a message twice when pages overlap', () => {
    const merged = mergePage(page(['1', '2'], true, 'c2'), page(['2', '3'], true, 'c3'));
    expect(merged.edges.map((e) => e.node.id)).toEqual(['1', '2', '3']);
    expect(merged.pageInfo.endCursor).toBe('c3');
  });
  it('keeps what was loaded when the next page is empty', () => {
    const merged = mergePage(page(['1'], true, 'c1'), page([], false, null));
    expect(merged.edges).toHaveLength(1);
    expect(merged.pageInfo.hasNextPage).toBe(false);
  });
});

describe('mergeNewest', () => {
  const ids = (p: MessagePage) => p.edges.map((e) => e.node.id);
  it('puts new messages on top and keeps the pages loaded past the newest one, with their cursor', () => {
    const merged = mergeNewest(page(['3', '2', '1'], true, 'c1'), page(['4', '3'], true, 'c3'));
    expect(ids(merged)).toEqual(['4', '3', '2', '1']);
    expect(merged.pageInfo).toEqual({ hasNextPage: true, endCursor: 'c1' });
  });
  it('drops what is gone from the newest page, and takes its cursor when nothing was loaded past it', () => {
    const merged = mergeNewest(page(['3', '2', '1'], false, 'c1'), page(['4', '3', '1'], false, 'c1'));
    expect(ids(merged)).toEqual(['4', '3', '1']);
    expect(mergeNewest(page(['2'], false, 'c2'), page(['3', '2'], true, 'c2')).pageInfo.hasNextPage).toBe(true);
  });
  it('starts over from the newest page when it shares nothing with the list (more than a page arrived)', () => {
    expect(ids(mergeNewest(page(['2', '1'], true, 'c1'), page(['9', '8'], true, 'c8')))).toEqual(['9', '8']);
    expect(ids(mergeNewest(NO_MESSAGES, page(['1'], false, 'c1')))).toEqual(['1']);
  });
});

describe('bringsNewMail', () => {
  it('is true only of a run that succeeded storing messages', () => {
    expect(bringsNewMail({ state: 'SUCCEEDED', newMessages: 2 })).toBe(true);
    expect(bringsNewMail({ state: 'SUCCEEDED', newMessages: 0 })).toBe(false);
    expect(bringsNewMail({ state: 'SYNCING', newMessages: null })).toBe(false);
    expect(bringsNewMail({ state: 'FAILED' })).toBe(false);
  });
});

describe('firstFolder', () => {
  it('opens INBOX when there is one, else the first folder, else none', () => {
    const f = (id: string, fullName: string) => ({ id, fullName, total: 0, unread: 0 });
    expect(firstFolder([f('1', 'Archive'), f('2', 'INBOX')])?.id).toBe('2');
    expect(firstFolder([f('1', 'Archive'), f('2', 'Sent Items')])?.id).toBe('1');
    expect(firstFolder([])).toBeNull();
  });
});

describe('labels', () => {
  it("explains a folder's counts", () => {
    expect(countsLabel({ unread: 2, total: 10 })).toBe('2 unread, 10 messages');
    expect(countsLabel({ unread: 0, total: 1 })).toBe('none unread, 1 message');
  });
  it('names the sender by name, else address', () => {
    expect(senderLabel({ fromName: 'Jane Contoso', fromAddress: 'jane@contoso.com' })).toBe('Jane Contoso');
    expect(senderLabel({ fromName: '', fromAddress: 'jane@contoso.com' })).toBe('jane@contoso.com');
    expect(senderLabel({})).toBe('(unknown sender)');
    expect(fromLine({ fromName: 'Jane Contoso', fromAddress: 'jane@contoso.com' })).toBe(
      'Jane Contoso <jane@contoso.com>',
    );
    expect(fromLine({ fromName: null, fromAddress: 'jane@contoso.com' })).toBe('jane@contoso.com');
  });
  it('gives sizes in B, KB and MB', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(3500)).toBe('3.4 KB');
    expect(formatSize(12_800)).toBe('13 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
  it('dates the list by time today, day this year, full date before', () => {
    const now = new Date(2030, 5, 15, 18, 0);
    expect(formatListDate(new Date(2030, 5, 15, 8, 7).toISOString(), now)).toBe('08:07');
    expect(formatListDate(new Date(2030, 2, 3, 8, 7).toISOString(), now)).not.toMatch(/2030/);
    expect(formatListDate(new Date(2029, 2, 3, 8, 7).toISOString(), now)).toMatch(/2029/);
    expect(formatListDate(null, now)).toBe('');
  });
});

describe('frameDocument', () => {
  it('wraps the HTML with a policy that loads nothing', () => {
    const doc = frameDocument('<p>Hi</p>');
    expect(doc).toContain("default-src 'none'");
    expect(doc).toContain('<body><p>Hi</p></body>');
  });
});
