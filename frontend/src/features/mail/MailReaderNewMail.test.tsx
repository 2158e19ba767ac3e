// Renders the mail reader against a stubbed /graphql and pushed sync steps: new mail shows up by itself, in place.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { MailReaderPage } from './MailReaderPage';

afterEach(cleanup);

const MAILBOX = { id: 'mb1', address: 'bob@contoso.com', kind: 'PERSONAL' };
const summary = (id: string) => ({
  id,
  subject: `Subject ${id}`,
  fromName: 'Jane Contoso',
  fromAddress: 'jane@contoso.com',
  receivedAt: '2030-01-02T10:00:00Z',
  seen: id !== 'm61',
  flagged: false,
  hasAttachments: false,
});
const MESSAGE = {
  ...summary('m59'),
  to: ['bob@contoso.com'],
  cc: [],
  sentAt: null,
  flags: [],
  text: 'Hello Bob',
  html: null,
  bodyTruncated: false,
  attachments: [],
};

/** A folder of 60 messages, newest first, served page by page like the server; deliver() stores a new one on top. */
function inbox() {
  const ids = Array.from({ length: 60 }, (_, i) => `m${60 - i}`);
  const folders = () => [
    { id: 'f-inbox', fullName: 'INBOX', total: ids.length, unread: ids.length - 59, lastSyncedAt: null },
  ];
  function messages(variables: Record<string, unknown>) {
    const start = variables.after ? ids.indexOf(String(variables.after).slice(2)) + 1 : 0;
    const page = ids.slice(start, start + Number(variables.first));
    return {
      messages: {
        edges: page.map((id) => ({ cursor: `c-${id}`, node: summary(id) })),
        pageInfo: { hasNextPage: start + page.length < ids.length, endCursor: page.length ? `c-${page.at(-1)}` : null },
      },
    };
  }
  return { folders, messages, deliver: () => ids.unshift('m61') };
}

async function renderReader() {
  const folder = inbox();
  const page = renderWithStubs(
    <MailReaderPage />,
    {
      MailReader: () => ({ mailbox: MAILBOX, mailFolders: folder.folders() }),
      Messages: folder.messages,
      Message: () => ({ message: MESSAGE }),
    },
    { path: '/mailboxes/:id/mail', url: '/mailboxes/mb1/mail' },
  );
  const list = within(await screen.findByRole('region', { name: 'Messages' }));
  fireEvent.click(await list.findByRole('button', { name: 'Load more' }));
  await waitFor(() => expect(list.getAllByRole('listitem')).toHaveLength(60));
  fireEvent.click(list.getByRole('button', { name: /Subject m59/ }));
  await screen.findByRole('article', { name: 'Message' });
  await page.subscribed('MailReaderSyncStatus', (v) => v.mailboxId === MAILBOX.id);
  const step = (more: Record<string, unknown>) =>
    page.push(
      'MailReaderSyncStatus',
      {
        mailboxSyncStatus: {
          mailboxId: MAILBOX.id,
          state: 'SUCCEEDED',
          newMessages: 0,
          at: '2030-01-02T10:00:00Z',
          ...more,
        },
      },
      (v) => v.mailboxId === MAILBOX.id,
    );
  return { ...page, list, step, deliver: folder.deliver };
}

const inboxButton = () =>
  within(screen.getByRole('navigation', { name: 'Folders' })).getByRole('button', { name: /INBOX/ });
const settle = () => act(() => new Promise((settled) => setTimeout(settled, 0)));

describe('MailReaderPage with new mail', () => {
  it('puts new mail on top by itself, keeping the open message, the pages loaded and the folder open', async () => {
    const { list, step, deliver, of } = await renderReader();
    deliver();
    step({ state: 'SYNCING', done: 60, total: 61 });
    step({ state: 'SUCCEEDED', newMessages: 1 });
    expect(screen.queryByText('Loading…')).toBeNull();
    await list.findByRole('button', { name: /Subject m61/ });
    const rows = list.getAllByRole('listitem');
    expect([rows.length, rows[0].textContent, rows[60].textContent]).toEqual([
      61,
      expect.stringContaining('Subject m61'),
      expect.stringContaining('Subject m1'),
    ]);
    expect(within(rows[0]).getByRole('button').className).toContain('unread');
    expect(list.getByRole('button', { name: /Subject m59/ }).getAttribute('aria-current')).toBe('true');
    expect(within(screen.getByRole('article', { name: 'Message' })).getByRole('heading').textContent).toBe(
      'Subject m59',
    );
    expect(list.queryByRole('button', { name: 'Load more' })).toBeNull();
    await waitFor(() => expect(inboxButton().textContent).toContain('2 unread, 61 messages'));
    expect(of('Messages').at(-1)?.variables).toEqual({ folderId: 'f-inbox', first: 50, after: null, search: null });
    expect(of('Message')).toHaveLength(1);
  });

  it('refreshes nothing for the replayed last step, for runs without new mail or that failed', async () => {
    const { list, step, deliver, of } = await renderReader();
    deliver();
    step({ state: 'SUCCEEDED', newMessages: 3 });
    step({ state: 'SYNCING', done: 60, total: 61 });
    step({ state: 'SUCCEEDED', newMessages: 0 });
    step({ state: 'FAILED', newMessages: null });
    await settle();
    expect([of('MailReader').length, of('Messages').length]).toEqual([1, 2]);
    expect(list.queryByRole('button', { name: /Subject m61/ })).toBeNull();
    expect(inboxButton().textContent).toContain('1 unread, 60 messages');
  });

  it('shows mail that arrived while its tab was hidden once the tab is shown again', async () => {
    const { list, deliver } = await renderReader();
    deliver();
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await list.findByRole('button', { name: /Subject m61/ });
    await waitFor(() => expect(inboxButton().textContent).toContain('2 unread, 61 messages'));
  });
});
