// Renders My Mailboxes with pushed new mail: the badge per mailbox, quiet pushed runs, the badge learning of push.
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithStubs, type Stubs } from '../../lib/testing';
import { MyMailboxesPage } from './MyMailboxesPage';
import { mailbox, watched } from './testing';
import { QUIET_START_MS } from './useShownStep';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const JANE = mailbox(watched());
const BOB = mailbox({ id: 'm2', address: 'bob@contoso.com' });
const OLD = mailbox({ id: 'm3', address: 'old@contoso.com', state: 'NEEDS_REAUTH' });
const card = (address: string) => within(screen.getByRole('region', { name: address }));
const progress = (address: string) => card(address).queryByRole('progressbar');
let clock = Date.parse('2030-01-02T10:00:00Z');
const status = (mailboxId: string, more: Record<string, unknown>) => ({
  __typename: 'SyncStatus',
  mailboxId,
  state: 'SUCCEEDED',
  folder: 'INBOX',
  done: null,
  total: null,
  newMessages: 0,
  durationMs: 40,
  reason: null,
  at: new Date((clock += 1000)).toISOString(),
  ...more,
});

async function renderPage(stubs: Stubs = {}) {
  const page = renderWithStubs(
    <MyMailboxesPage />,
    { MyMailboxes: () => ({ myMailboxes: [JANE, BOB, OLD] }), ...stubs },
    { path: '/mailboxes', url: '/mailboxes' },
  );
  await screen.findByRole('heading', { name: JANE.address });
  for (const id of [JANE.id, BOB.id]) await page.subscribed('MailboxSyncStatus', (v) => v.mailboxId === id);
  const step = (id: string, more: Record<string, unknown>) =>
    page.push('MailboxSyncStatus', { mailboxSyncStatus: status(id, more) }, (v) => v.mailboxId === id);
  return { ...page, step };
}

describe('Pushed new mail on the mailbox cards', () => {
  it('says on each connected mailbox whether new mail arrives by itself or on schedule', async () => {
    await renderPage();
    expect(card(JANE.address).getByText('New mail: instant').className).toBe('badge badge-push');
    expect(card(JANE.address).getByRole('tooltip').textContent).toMatch(/arrives by itself .*\(IMAP IDLE\)/);
    expect(card(BOB.address).getByText('New mail: on schedule').className).toBe('badge badge-scheduled');
    expect(card(BOB.address).getByRole('tooltip').textContent).toMatch(
      /scheduled synchronisation, if an administrator has it on, or .*Sync now/,
    );
    expect(card(OLD.address).queryByText(/^New mail:/)).toBeNull();
  });

  it('updates the last result after a quick pushed run without a progress bar, and keeps the focus', async () => {
    const { step } = await renderPage();
    step(JANE.id, { newMessages: 2 });
    const syncNow = card(JANE.address).getByRole('button', { name: 'Sync now' });
    syncNow.focus();
    vi.useFakeTimers();
    step(JANE.id, { state: 'SYNCING', done: 5, total: 6 });
    expect(progress(JANE.address)).toBeNull();
    expect(card(JANE.address).getByText(/^Last sync: 2 new messages in 40 ms/)).toBeTruthy();
    expect(syncNow.getAttribute('aria-disabled')).toBe('false');
    step(JANE.id, { state: 'SUCCEEDED', newMessages: 1 });
    act(() => vi.advanceTimersByTime(QUIET_START_MS * 2));
    expect(progress(JANE.address)).toBeNull();
    expect(card(JANE.address).getByText(/^Last sync: 1 new message in 40 ms/)).toBeTruthy();
    expect(document.activeElement).toBe(syncNow);
  });

  it('shows the progress of a pushed run once it has lasted a moment', async () => {
    const { step } = await renderPage();
    step(JANE.id, { newMessages: 2 });
    vi.useFakeTimers();
    step(JANE.id, { state: 'SYNCING', done: 0, total: 500 });
    act(() => vi.advanceTimersByTime(QUIET_START_MS / 2));
    step(JANE.id, { state: 'SYNCING', done: 200, total: 500 });
    expect(progress(JANE.address)).toBeNull();
    act(() => vi.advanceTimersByTime(QUIET_START_MS / 2));
    expect(progress(JANE.address)?.getAttribute('aria-label')).toBe('Synchronising INBOX: 200 of 500');
    expect(card(JANE.address).getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('reads the mailboxes again when a run ends on one not yet pushed, to learn that its new mail now is', async () => {
    let reads = 0;
    const { step, of } = await renderPage({
      MyMailboxes: () => ({
        myMailboxes: [JANE, (reads += 1) > 1 ? { ...BOB, ...watched() } : BOB, OLD],
      }),
    });
    step(JANE.id, { newMessages: 3 });
    step(JANE.id, { state: 'SYNCING', done: 3, total: 4 });
    step(JANE.id, { newMessages: 1 });
    step(BOB.id, { newMessages: 3 });
    await act(() => new Promise((settled) => setTimeout(settled, 0)));
    expect(of('MyMailboxes')).toHaveLength(1);
    expect(card(BOB.address).getByText('New mail: on schedule')).toBeTruthy();
    step(BOB.id, { state: 'SYNCING', done: 3, total: 4 });
    step(BOB.id, { newMessages: 1 });
    await card(BOB.address).findByText('New mail: instant');
    expect(of('MyMailboxes')).toHaveLength(2);
  });
});
