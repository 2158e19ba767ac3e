// The Dashboard as an admin and a user read it, and kept live: a run that ends reads the counts again.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { Dashboard } from './Dashboard';
import { summary } from './labels';

afterEach(cleanup);

const JANE = { id: 'm-jane', kind: 'PERSONAL', address: 'jane@contoso.com', owner: 'jane' } as const;
const REAUTH = 'The grant has expired or was revoked: reconnect the mailbox or sign in again.';

function dashboard(overrides: Record<string, unknown> = {}) {
  return {
    scope: 'ALL_MAILBOXES',
    mailboxes: { total: 3, connected: 3, failing: 0, needsReconnect: 0, accessRefused: 0, disconnected: 0 },
    push: { watched: 2, connecting: 0, failing: 0, notWatched: 1 },
    recentFailures: [],
    tokensNotRefreshed: [],
    credential: {
      configured: true,
      expiresInDays: 200,
      expiringSoon: false,
      rejectedAt: null,
      message: 'The client secret expires on 1 Jun 2027 (in 200 days).',
    },
    ...overrides,
  };
}

const janeNeedsReconnect = dashboard({
  mailboxes: { total: 3, connected: 2, failing: 0, needsReconnect: 1, accessRefused: 0, disconnected: 0 },
  recentFailures: [{ mailbox: JANE, failure: { state: 'NEEDS_REAUTH', reason: REAUTH, at: '2026-12-02T12:00:00Z' } }],
  tokensNotRefreshed: [{ ...JANE, lastError: REAUTH }],
});

function tile(label: string) {
  const tiles = screen.getByRole('list', { name: 'Mailboxes by state' });
  return within(tiles).getByText(label).parentElement?.querySelector('.dashboard-count')?.textContent;
}

describe('Dashboard', () => {
  it('shows a mailbox going to Needs reconnect when its run ends, without a reload', async () => {
    let answer = dashboard();
    const { push, subscribed, of } = renderWithStubs(<Dashboard />, { Dashboard: () => ({ dashboard: answer }) });
    expect(await screen.findByText('3 mailboxes, nothing needs attention.')).toBeTruthy();
    expect(tile('Connected')).toBe('3');
    expect(screen.getByText('No synchronisation has failed.')).toBeTruthy();
    expect(screen.getByText(/expires on 1 Jun 2027/)).toBeTruthy();
    await subscribed('DashboardSyncSteps');

    answer = janeNeedsReconnect;
    push('DashboardSyncSteps', { mailboxSyncStatus: { mailboxId: JANE.id, state: 'SYNCING', at: 'now' } });
    expect(await screen.findByText(/Synchronising now: 1/)).toBeTruthy();
    expect(of('Dashboard')).toHaveLength(1);
    push('DashboardSyncSteps', { mailboxSyncStatus: { mailboxId: JANE.id, state: 'NEEDS_REAUTH', at: 'now' } });

    expect(await screen.findByText('1 of 3 mailboxes needs attention.')).toBeTruthy();
    expect(tile('Needs reconnect')).toBe('1');
    const failures = screen.getByRole('table', { name: 'Recent failures' });
    expect(within(failures).getByRole('link', { name: JANE.address }).getAttribute('href')).toBe('/system/mailboxes');
    expect(within(failures).getByText(REAUTH)).toBeTruthy();
    const tokens = screen.getByRole('list', { name: 'Sign-ins not renewed' });
    expect(tokens.textContent).toContain('(jane)');
    expect(tokens.textContent).toContain('Its owner must reconnect it.');
    expect(screen.queryByText(/Synchronising now/)).toBeNull();
  });

  it('gives a user their own mailboxes, without the credential or owners, linking to My Mailboxes', async () => {
    renderWithStubs(<Dashboard />, {
      Dashboard: () => ({
        dashboard: {
          ...janeNeedsReconnect,
          scope: 'OWN_MAILBOXES',
          mailboxes: { total: 1, connected: 0, failing: 0, needsReconnect: 1, accessRefused: 0, disconnected: 0 },
          credential: null,
        },
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Your mailboxes' })).toBeTruthy();
    expect(screen.getByText('1 of 1 mailbox needs attention.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Microsoft credential' })).toBeNull();
    const failures = screen.getByRole('table', { name: 'Recent failures' });
    expect(within(failures).queryByRole('columnheader', { name: 'Owner' })).toBeNull();
    expect(within(failures).getByRole('link', { name: JANE.address }).getAttribute('href')).toBe('/mailboxes');
    expect(screen.getByRole('list', { name: 'Sign-ins not renewed' }).textContent).toContain(
      'Reconnect it to resume synchronisation.',
    );
  });

  it('says so when the dashboard cannot be read', async () => {
    renderWithStubs(<Dashboard />, {
      Dashboard: () => {
        throw new Error('offline');
      },
    });
    await waitFor(() => expect(screen.getByText(/The dashboard could not be loaded/)).toBeTruthy());
  });
});

describe('summary', () => {
  it('counts the mailboxes needing someone', () => {
    const none = { total: 0, connected: 0, failing: 0, needsReconnect: 0, accessRefused: 0, disconnected: 0 };
    expect(summary(none)).toBe('No mailbox is connected yet.');
    expect(summary({ ...none, total: 1, connected: 1 })).toBe('1 mailbox, nothing needs attention.');
    expect(summary({ ...none, total: 4, failing: 1, accessRefused: 1, connected: 2 })).toBe(
      '2 of 4 mailboxes need attention.',
    );
    expect(summary({ ...none, total: 2, disconnected: 2 })).toBe('2 mailboxes, nothing needs attention.');
  });
});
