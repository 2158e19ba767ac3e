// Renders My Mailboxes against a stubbed /graphql and pushed sync steps: the live line, the progress bar, "Sync now".
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs, type Stubs } from '../../lib/testing';
import { MyMailboxesPage } from './MyMailboxesPage';
import { mailbox } from './testing';

afterEach(cleanup);

const JANE = mailbox();
const OLD = mailbox({ id: 'm2', address: 'old@contoso.com', state: 'NEEDS_REAUTH', lastError: 'Reconnect it.' });
const GONE = mailbox({ id: 'm3', address: 'gone@contoso.com', state: 'DISCONNECTED' });
const card = (address: string) => within(screen.getByRole('region', { name: address }));
const syncNowOf = (address: string) => card(address).getByRole('button', { name: 'Sync now' });
const today = (h: number, m: number) => {
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};
const status = (more: Record<string, unknown>) => ({
  __typename: 'SyncStatus',
  mailboxId: JANE.id,
  state: 'IDLE',
  folder: null,
  done: null,
  total: null,
  newMessages: null,
  durationMs: null,
  reason: null,
  at: today(22, 15),
  ...more,
});

/** My Mailboxes once the cards show and watch the mailboxes that are not disconnected, so pushed steps reach them. */
async function renderPage(stubs: Stubs = {}, watched = [JANE.id, OLD.id]) {
  const page = renderWithStubs(
    <MyMailboxesPage />,
    { MyMailboxes: () => ({ myMailboxes: [JANE, OLD, GONE] }), ...stubs },
    { path: '/mailboxes', url: '/mailboxes' },
  );
  await screen.findByRole('heading', { name: 'jane@contoso.com' });
  for (const id of watched) await page.subscribed('MailboxSyncStatus', (v) => v.mailboxId === id);
  const step = (more: Record<string, unknown>, id = JANE.id) =>
    page.push(
      'MailboxSyncStatus',
      { mailboxSyncStatus: status({ mailboxId: id, ...more }) },
      (v) => v.mailboxId === id,
    );
  return { ...page, step };
}

describe('MailboxSync', () => {
  it('watches each mailbox that is not disconnected, and shows its latest step live', async () => {
    const { step, subscribers } = await renderPage();
    expect(subscribers.map((s) => s.variables.mailboxId).sort()).toEqual([JANE.id, 'm2'].sort());
    expect(card('jane@contoso.com').getByText('Reading the sync status…')).toBeTruthy();
    step({ state: 'IDLE' });
    expect(card('jane@contoso.com').getByText('Last sync: none yet')).toBeTruthy();
    step({ state: 'CONNECTING', at: today(22, 16) });
    expect(card('jane@contoso.com').getByText('Connecting to the mail server…')).toBeTruthy();
    step({ state: 'SYNCING', folder: 'INBOX', done: 3, total: 10, at: today(22, 16) });
    const bar = card('jane@contoso.com').getByRole('progressbar', { name: 'Synchronising INBOX: 3 of 10' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['3', '10']);
    expect(syncNowOf('jane@contoso.com').getAttribute('aria-disabled')).toBe('true');
    step({ state: 'SUCCEEDED', newMessages: 12, durationMs: 1234, at: today(22, 17) });
    expect(card('jane@contoso.com').queryByRole('progressbar')).toBeNull();
    expect(card('jane@contoso.com').getByText('Last sync: 12 new messages in 1.2 s, at 22:17').className).toBe(
      'sync-ok',
    );
    expect(syncNowOf('jane@contoso.com').getAttribute('aria-disabled')).toBe('false');
  });

  it('shows the last recorded run until a newer step arrives; the bare IDLE of a fresh server does not hide it', async () => {
    const recorded = status({ state: 'SUCCEEDED', newMessages: 4, durationMs: 2500, at: today(21, 0) });
    const { step } = await renderPage({ MyMailboxes: () => ({ myMailboxes: [{ ...JANE, lastSync: recorded }] }) }, [
      JANE.id,
    ]);
    expect(card('jane@contoso.com').getByText('Last sync: 4 new messages in 2.5 s, at 21:00')).toBeTruthy();
    step({ state: 'IDLE', at: today(22, 0) });
    expect(card('jane@contoso.com').getByText('Last sync: 4 new messages in 2.5 s, at 21:00')).toBeTruthy();
    step({ state: 'FAILED', reason: 'Connection reset', at: today(22, 1) });
    expect(card('jane@contoso.com').getByText('Last sync failed at 22:01: Connection reset')).toBeTruthy();
  });

  it('offers Sync now only on a connected mailbox, and Read mail on every one', async () => {
    const { step } = await renderPage();
    expect(card('old@contoso.com').queryByRole('button', { name: 'Sync now' })).toBeNull();
    step({ state: 'NEEDS_REAUTH', reason: 'Microsoft refused the stored sign-in.' }, 'm2');
    expect(
      card('old@contoso.com').getByText('Last sync failed at 22:15: Microsoft refused the stored sign-in.').className,
    ).toBe('sync-error');
    expect(card('gone@contoso.com').getByRole('link', { name: 'Read mail' }).getAttribute('href')).toBe(
      '/mailboxes/m3/mail',
    );
    expect(card('jane@contoso.com').getByRole('link', { name: 'Read mail' }).getAttribute('href')).toBe(
      `/mailboxes/${JANE.id}/mail`,
    );
  });

  it('runs Sync now and shows the answer even when no step arrives live', async () => {
    const { of } = await renderPage({
      SyncMailbox: () => ({
        syncMailbox: { errors: [], status: status({ state: 'SUCCEEDED', newMessages: 1, durationMs: 640 }) },
      }),
    });
    fireEvent.click(card('jane@contoso.com').getByRole('button', { name: 'Sync now' }));
    await card('jane@contoso.com').findByText('Last sync: 1 new message in 0.6 s, at 22:15');
    expect(of('SyncMailbox')[0].variables.input).toEqual({ mailboxId: JANE.id });
  });

  it('says why a sync failed or was refused, in red', async () => {
    let answer: unknown = {
      syncMailbox: { errors: [], status: status({ state: 'FAILED', reason: 'NO LOGIN refused' }) },
    };
    await renderPage({ SyncMailbox: () => answer });
    fireEvent.click(card('jane@contoso.com').getByRole('button', { name: 'Sync now' }));
    await card('jane@contoso.com').findByText('Last sync failed at 22:15: NO LOGIN refused');
    answer = {
      syncMailbox: {
        status: null,
        errors: [{ field: 'mailboxId', code: 'NOT_FOUND', message: 'You have no mailbox with this id.' }],
      },
    };
    fireEvent.click(card('jane@contoso.com').getByRole('button', { name: 'Sync now' }));
    await waitFor(() =>
      expect(
        card('jane@contoso.com').getByText('The mailbox was not synchronised. You have no mailbox with this id.')
          .className,
      ).toBe('sync-error'),
    );
    answer = {
      syncMailbox: {
        status: null,
        errors: [
          {
            field: null,
            code: 'RATE_LIMITED',
            message: 'Sync now was asked 6 times for this mailbox within a minute: try again in 42 seconds.',
          },
        ],
      },
    };
    fireEvent.click(card('jane@contoso.com').getByRole('button', { name: 'Sync now' }));
    await waitFor(() =>
      expect(
        card('jane@contoso.com').getByText(
          'The mailbox was not synchronised. Sync now was ' +
            'asked 6 times for this mailbox within a minute: try again in 42 seconds.',
        ).className,
      ).toBe('sync-error'),
    );
  });
});
