// Renders a mailbox's health as it is on its card and on the admin overview: the push state (instant only while
// watched, reconnecting or failing since when and why), the last sync, the last failed one, the synced folders, and
// the answers ACCESS_REFUSED and BUSY of Sync now.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatusFieldsFragment } from '../../gql/graphql';
import { renderWithStubs } from '../../lib/testing';
import { MyMailboxesPage } from './MyMailboxesPage';
import { SystemMailboxesPage } from './SystemMailboxesPage';
import { mailbox, watched } from './testing';
import { HEALTH_REFRESH_MS } from './useHealthRefresh';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const today = (h: number, m: number) => {
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};
const status = (more: Partial<SyncStatusFieldsFragment>): SyncStatusFieldsFragment => ({
  mailboxId: 'x',
  state: 'SUCCEEDED',
  folder: null,
  done: null,
  total: null,
  newMessages: 3,
  durationMs: 1200,
  reason: null,
  at: today(9, 40),
  ...more,
});
const DROPPED = 'Talking to the IMAP server outlook.office365.com:993 failed: Connection dropped by server?';

const RECONNECTING = mailbox({
  address: 'jane@contoso.com',
  push: { state: 'RECONNECTING', since: today(9, 41), reason: DROPPED },
});
const FAILING = mailbox({
  id: 'm2',
  address: 'bob@contoso.com',
  owner: 'bob',
  push: { state: 'FAILING', since: today(9, 42), reason: DROPPED },
  lastSync: status({ mailboxId: 'm2' }),
  lastFailure: status({ mailboxId: 'm2', state: 'FAILED', reason: 'Connection reset', at: today(8, 5) }),
});
const WATCHED = mailbox({
  id: 'm3',
  address: 'ann@contoso.com',
  owner: 'ann',
  selectedFolders: ['INBOX', 'Projects'],
  ...watched(today(9, 0)),
});
const OFF = mailbox({
  id: 'm4',
  address: 'sam@contoso.com',
  owner: 'sam',
  push: { state: 'OFF', since: null, reason: 'Email Synchronization is turned off by an administrator.' },
});

const card = (address: string) => within(screen.getByRole('region', { name: address }));
const detail = (address: string, term: string) =>
  card(address).getByText(term, { selector: 'dt' }).nextElementSibling!.textContent;

const mailboxOf = (variables: unknown) => (variables as { input: { mailboxId: string } }).input.mailboxId;

async function renderCards() {
  renderWithStubs(
    <MyMailboxesPage />,
    {
      MyMailboxes: () => ({ myMailboxes: [RECONNECTING, FAILING, WATCHED, OFF] }),
      SyncMailbox: (variables) => ({
        syncMailbox: {
          errors: [],
          status:
            mailboxOf(variables) === FAILING.id
              ? status({
                  mailboxId: FAILING.id,
                  state: 'ACCESS_REFUSED',
                  at: today(9, 50),
                  reason:
                    'Mail access refused: IMAP may be disabled for this mailbox. After fixing it, use Check connection.',
                })
              : status({
                  mailboxId: RECONNECTING.id,
                  state: 'BUSY',
                  at: today(9, 50),
                  reason: 'Another synchronisation of this mailbox is running now; its progress shows here.',
                }),
        },
      }),
    },
    { path: '/mailboxes', url: '/mailboxes' },
  );
  await screen.findByRole('heading', { name: 'jane@contoso.com' });
}

describe('mailbox health on the cards', () => {
  it('says instant only while watched, and reconnecting or failing since when with the reason otherwise', async () => {
    await renderCards();
    const reconnecting = card('jane@contoso.com').getByText('New mail: reconnecting since 09:41');
    expect(reconnecting.className).toBe('badge badge-reconnecting');
    expect(card('jane@contoso.com').getByRole('tooltip').textContent).toContain(DROPPED);
    expect(card('jane@contoso.com').getByText(DROPPED).className).toBe('push-problem');
    expect(card('bob@contoso.com').getByText(DROPPED).className).toBe('push-problem');
    expect(card('ann@contoso.com').queryByText(DROPPED)).toBeNull();
    const failing = card('bob@contoso.com').getByText('New mail: failing since 09:42');
    expect(failing.className).toBe('badge badge-push-failing');
    expect(card('bob@contoso.com').getByRole('tooltip').textContent).toMatch(
      /^Waiting for new mail keeps failing: Talking to the IMAP server .*dropped by server\?/,
    );
    expect(card('ann@contoso.com').getByText('New mail: instant').className).toBe('badge badge-push');
    expect(card('sam@contoso.com').getByText('New mail: on schedule')).toBeTruthy();
    expect(card('sam@contoso.com').getByRole('tooltip').textContent).toContain(
      'Email Synchronization is turned off by an administrator.',
    );
    for (const address of ['jane@contoso.com', 'bob@contoso.com', 'sam@contoso.com']) {
      expect(card(address).queryByText('New mail: instant')).toBeNull();
    }
  });

  it('keeps the last failed sync in view after a later success, and names INBOX when no folder is chosen', async () => {
    await renderCards();
    expect(card('bob@contoso.com').getByText('Last sync: 3 new messages in 1.2 s, at 09:40')).toBeTruthy();
    expect(detail('bob@contoso.com', 'Last failed sync')).toBe('Failed at 08:05: Connection reset');
    expect(detail('jane@contoso.com', 'Last failed sync')).toBe('None');
    expect(detail('jane@contoso.com', 'Synced folders')).toBe('INBOX (the default while no folder is chosen)');
    expect(detail('ann@contoso.com', 'Synced folders')).toBe('INBOX, Projects');
  });

  it('shows Sync now answered BUSY as a run elsewhere, not an error, and ACCESS_REFUSED with its advice', async () => {
    await renderCards();
    fireEvent.click(card('jane@contoso.com').getByRole('button', { name: 'Sync now' }));
    const busy = await card('jane@contoso.com').findByText(
      'Already synchronising on another instance; its progress shows here.',
    );
    expect(busy.className).toBe('sync-muted');
    expect(card('jane@contoso.com').queryByText(/not synchronised/)).toBeNull();
    fireEvent.click(card('bob@contoso.com').getByRole('button', { name: 'Sync now' }));
    const refused = await card('bob@contoso.com').findByText(/^Last sync refused at 09:50: Mail access refused/);
    expect(refused.className).toBe('sync-error');
    expect(refused.textContent).toContain('use Check connection');
  });
});

describe('mailbox health kept current', () => {
  it('reads the mailboxes again while the page is open, so a watcher that reconnected shows instant', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let reads = 0;
    const { of } = renderWithStubs(
      <MyMailboxesPage />,
      {
        MyMailboxes: () => ({ myMailboxes: [(reads += 1) > 1 ? { ...RECONNECTING, ...watched() } : RECONNECTING] }),
      },
      { path: '/mailboxes', url: '/mailboxes' },
    );
    await screen.findByText('New mail: reconnecting since 09:41');
    act(() => vi.advanceTimersByTime(HEALTH_REFRESH_MS));
    await card('jane@contoso.com').findByText('New mail: instant');
    expect(of('MyMailboxes')).toHaveLength(2);
  });
});

describe('mailbox health on the admin overview', () => {
  it('has the last sync, the last failed sync and the push state as it is, with the reason', async () => {
    renderWithStubs(
      <SystemMailboxesPage />,
      {
        SystemMailboxes: () => ({ systemMailboxes: [], allMailboxes: [RECONNECTING, FAILING, WATCHED] }),
      },
      { path: '/system/mailboxes', url: '/system/mailboxes' },
    );
    const table = await screen.findByRole('table', { name: 'All mailboxes' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    const row = (address: string) => within(table).getByRole('cell', { name: address }).closest('tr')!;
    const cell = (address: string, header: string) => row(address).querySelectorAll('td')[headers.indexOf(header)];

    expect(cell('bob@contoso.com', 'Last sync').textContent).toBe('Last sync: 3 new messages in 1.2 s, at 09:40');
    expect(cell('bob@contoso.com', 'Last failed sync').textContent).toBe('Failed at 08:05: Connection reset');
    expect(cell('bob@contoso.com', 'Last failed sync').className).toBe('cell-error');
    const failing = within(cell('bob@contoso.com', 'New mail')).getByText('New mail: failing since 09:42');
    expect(failing.title).toContain(DROPPED);
    expect(within(cell('bob@contoso.com', 'New mail')).getByText(DROPPED).className).toBe('push-problem');
    expect(cell('jane@contoso.com', 'Last sync').textContent).toBe('Never');
    expect(cell('jane@contoso.com', 'New mail').textContent).toBe(`New mail: reconnecting since 09:41${DROPPED}`);
    expect(cell('ann@contoso.com', 'New mail').textContent).toBe('New mail: instant');
  });
});
