// Renders the mail reader against a stubbed /graphql: folders, the list with search and "Load more", the open message.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs, type Stubs } from '../../lib/testing';
import { MailReaderPage } from './MailReaderPage';

afterEach(cleanup);

const MAILBOX = { id: 'mb1', address: 'bob@contoso.com', kind: 'PERSONAL' };
const FOLDERS = [
  { id: 'f-archive', fullName: 'Archive', total: 0, unread: 0, lastSyncedAt: null },
  { id: 'f-inbox', fullName: 'INBOX', total: 3, unread: 1, lastSyncedAt: '2030-01-02T10:00:00Z' },
];
const summary = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  subject: `Subject ${id}`,
  fromName: 'Jane Contoso',
  fromAddress: 'jane@contoso.com',
  receivedAt: '2030-01-02T10:00:00Z',
  seen: true,
  flagged: false,
  hasAttachments: false,
  ...more,
});
const PAGES: Record<string, { ids: string[]; next: string | null }> = {
  first: { ids: ['m1', 'm2'], next: 'c-m2' },
  'c-m2': { ids: ['m3'], next: null },
};
const MESSAGE = {
  id: 'm1',
  subject: 'Journey',
  fromName: 'Jane Contoso',
  fromAddress: 'jane@contoso.com',
  to: ['bob@contoso.com'],
  cc: ['ann@contoso.com'],
  sentAt: '2030-01-02T10:00:00Z',
  receivedAt: '2030-01-02T10:00:01Z',
  flags: [],
  text: 'Hello Bob',
  html: '<p style="color:red">Hello <b>Bob</b></p>',
  bodyTruncated: false,
  attachments: [{ fileName: 'report.pdf', contentType: 'application/pdf', size: 12_800, inline: false }],
};

function messages(variables: Record<string, unknown>) {
  if (variables.folderId !== 'f-inbox')
    return { messages: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };
  if (variables.search) {
    const hit = summary('m2', { subject: 'Invoice' });
    return {
      messages: {
        edges: variables.search === 'invoice' ? [{ cursor: 'c-m2', node: hit }] : [],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    };
  }
  const page = PAGES[String(variables.after ?? 'first')];
  const edges = page.ids.map((id) => ({
    cursor: `c-${id}`,
    node: summary(id, id === 'm1' ? { seen: false, hasAttachments: true, subject: 'Journey' } : {}),
  }));
  return { messages: { edges, pageInfo: { hasNextPage: page.next !== null, endCursor: page.next ?? 'c-m3' } } };
}

function renderReader(stubs: Stubs = {}) {
  return renderWithStubs(
    <MailReaderPage />,
    {
      MailReader: () => ({ mailbox: MAILBOX, mailFolders: FOLDERS }),
      Messages: messages,
      Message: () => ({ message: MESSAGE }),
      ...stubs,
    },
    { path: '/mailboxes/:id/mail', url: '/mailboxes/mb1/mail' },
  );
}

const list = () => screen.getByRole('region', { name: 'Messages' });
const listed = async () => within(await screen.findByRole('region', { name: 'Messages' }));
const row = (subject: string) => within(list()).getByRole('button', { name: new RegExp(subject) });

describe('MailReaderPage', () => {
  it('opens INBOX with its counts and lists its messages: unread in bold, a paperclip for attachments', async () => {
    const { of } = renderReader();
    await screen.findByRole('heading', { name: 'bob@contoso.com' });
    const inbox = within(screen.getByRole('navigation', { name: 'Folders' })).getByRole('button', { name: /INBOX/ });
    expect(inbox.getAttribute('aria-current')).toBe('true');
    expect(inbox.textContent).toContain('1/3');
    expect(inbox.textContent).toContain('1 unread, 3 messages');
    await (await listed()).findByText('Journey');
    expect(row('Journey').className).toContain('unread');
    expect(within(row('Journey')).getByRole('img', { name: 'Has attachments' })).toBeTruthy();
    expect(row('Subject m2').className).not.toContain('unread');
    expect(within(row('Subject m2')).queryByRole('img')).toBeNull();
    expect(of('Messages')[0].variables).toEqual({ folderId: 'f-inbox', first: 50, after: null, search: null });
    expect(screen.getByText('Select a message to read it.')).toBeTruthy();
  });

  it('loads the next page after the last cursor, then offers no more', async () => {
    const { of } = renderReader();
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await within(list()).findByText('Subject m3');
    expect(of('Messages')[1].variables).toMatchObject({ folderId: 'f-inbox', after: 'c-m2' });
    expect(within(list()).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('searches subject and sender once typing pauses, and says when nothing matches', async () => {
    const { of } = renderReader();
    await (await listed()).findByText('Journey');
    const box = screen.getByRole('searchbox', { name: 'Search subject or sender' });
    fireEvent.change(box, { target: { value: ' invoice ' } });
    await within(list()).findByText('Invoice');
    expect(within(list()).queryByText('Journey')).toBeNull();
    expect(of('Messages').at(-1)?.variables).toMatchObject({ search: 'invoice', after: null });
    fireEvent.change(box, { target: { value: 'nobody' } });
    await within(list()).findByText('No message matches “nobody”.');
    expect(of('Messages').filter((b) => b.variables.search)).toHaveLength(2);
  });

  it('shows the open message: headers, the HTML in a sandboxed frame, the attachments with sizes', async () => {
    const { of } = renderReader();
    fireEvent.click(await (await listed()).findByText('Journey'));
    const message = await screen.findByRole('article', { name: 'Message' });
    expect(within(message).getByRole('heading', { name: 'Journey' })).toBeTruthy();
    const headers = [...message.querySelectorAll('dt')].map(
      (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
    );
    expect(headers.slice(0, 3)).toEqual([
      'From: Jane Contoso <jane@contoso.com>',
      'To: bob@contoso.com',
      'Cc: ann@contoso.com',
    ]);
    expect(headers[3]).toMatch(/^Date: .*2030/);
    const frame = within(message).getByTitle('Message body') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<p style="color:red">Hello <b>Bob</b></p>');
    expect(message.querySelector('pre')).toBeNull();
    expect(within(message).getByRole('region', { name: 'Attachments' }).textContent).toContain('report.pdf (13 KB)');
    expect(of('Message')[0].variables).toEqual({ id: 'm1' });
    expect(row('Journey').getAttribute('aria-current')).toBe('true');
  });

  it('shows a message without HTML as its text, without Cc when there is none', async () => {
    renderReader({ Message: () => ({ message: { ...MESSAGE, html: null, cc: [], attachments: [] } }) });
    fireEvent.click(await (await listed()).findByText('Journey'));
    const message = await screen.findByRole('article', { name: 'Message' });
    expect(message.querySelector('pre')?.textContent).toBe('Hello Bob');
    expect(message.querySelector('iframe')).toBeNull();
    expect(within(message).queryByText('Cc')).toBeNull();
    expect(within(message).queryByRole('region', { name: 'Attachments' })).toBeNull();
  });

  it('opens another folder, closing the open message', async () => {
    const { of } = renderReader();
    fireEvent.click(await (await listed()).findByText('Journey'));
    await screen.findByRole('article', { name: 'Message' });
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Folders' })).getByRole('button', { name: /Archive/ }),
    );
    await within(list()).findByText('No messages in this folder.');
    expect(of('Messages').at(-1)?.variables).toMatchObject({ folderId: 'f-archive' });
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('tells to sync first when no mail is synchronised yet', async () => {
    renderReader({ MailReader: () => ({ mailbox: MAILBOX, mailFolders: [] }) });
    const empty = await screen.findByText(/No synchronised mail yet/);
    expect(empty.textContent).toBe("No synchronised mail yet: click Sync now on the mailbox's card.");
    expect(within(empty).getByRole('link').getAttribute('href')).toBe('/mailboxes');
  });

  it('says so when the mailbox is not one the user may read', async () => {
    renderReader({ MailReader: () => ({ mailbox: null, mailFolders: [] }) });
    expect((await screen.findByRole('alert')).textContent).toBe('You have no mailbox with this id.');
  });
});
