// A mailbox whose mail server refuses even a renewed token: its card and the admin overview say so with the advice,
// and offer Check connection and Reconnect; a check that works shows it Connected again.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyMailboxesPage } from './MyMailboxesPage';
import { SystemMailboxesPage } from './SystemMailboxesPage';
import { renderWithStubs } from '../../lib/testing';
import { mailbox } from './testing';

vi.mock('./redirect', () => ({ openMicrosoft: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const ADVICE =
  'Mail access refused: Microsoft renewed the sign-in, but the IMAP server still refuses ' +
  'jane@contoso.com. IMAP may be disabled for this mailbox (Exchange admin center > Mailboxes > the mailbox > ' +
  'Manage email apps: IMAP). After fixing it, use Check connection.';
const REFUSED = mailbox({ state: 'ACCESS_REFUSED', lastError: ADVICE });

describe('a mailbox whose mail access is refused', () => {
  it('shows the state, the advice, Check connection and Reconnect on its card', async () => {
    let state: 'ACCESS_REFUSED' | 'CONNECTED' = 'ACCESS_REFUSED';
    const fixed = mailbox({ lastCheckAt: '2030-01-02T10:00:00Z', imapCheck: 'OK', smtpCheck: 'OK' });
    const { of } = renderWithStubs(
      <MyMailboxesPage />,
      {
        MyMailboxes: () => ({ myMailboxes: [state === 'CONNECTED' ? fixed : REFUSED] }),
        CheckMailboxConnection: () => {
          state = 'CONNECTED';
          return { checkMailboxConnection: { mailbox: fixed, imapOk: true, smtpOk: true, errors: [], folders: [] } };
        },
      },
      { path: '/mailboxes', url: '/mailboxes' },
    );

    const card = await screen.findByRole('region', { name: 'jane@contoso.com' });
    expect(within(card).getByText('Mail access refused')).toBeTruthy();
    const alert = within(card).getByRole('alert');
    expect(alert.textContent).toContain('the mail server refuses this mailbox');
    expect(alert.textContent).toContain('Manage email apps: IMAP');
    expect(within(alert).getByRole('button', { name: 'Reconnect' })).toBeTruthy();
    expect(within(card).queryByText(/^Last error:/)).toBeNull();
    expect(within(card).queryByText('Needs reconnect')).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Check connection' }));
    await waitFor(() => expect(of('CheckMailboxConnection')).toHaveLength(1));
    expect(await within(card).findByText('Connected')).toBeTruthy();
    await waitFor(() => expect(within(card).queryByRole('alert')).toBeNull());
  });

  it('shows the state and the advice on the admin overview', async () => {
    renderWithStubs(
      <SystemMailboxesPage />,
      {
        SystemMailboxes: () => ({ systemMailboxes: [], allMailboxes: [REFUSED] }),
      },
      { path: '/system/mailboxes', url: '/system/mailboxes' },
    );

    const table = await screen.findByRole('table', { name: 'All mailboxes' });
    const row = within(table).getByRole('cell', { name: 'jane@contoso.com' }).closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(4, 6).map((td) => td.textContent)).toEqual([
      'Mail access refused',
      ADVICE,
    ]);
  });
});
