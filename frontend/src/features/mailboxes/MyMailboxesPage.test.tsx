// Renders My Mailboxes against a stubbed /graphql: states, connecting, the outcome after Microsoft, check, folders, disconnect.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyMailboxesPage } from './MyMailboxesPage';
import { openMicrosoft } from './redirect';
import { renderWithStubs, type Stubs } from '../../lib/testing';
import { mailbox } from './testing';

vi.mock('./redirect', () => ({ openMicrosoft: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const JANE = mailbox();
const OLD = mailbox({
  id: 'm2',
  address: 'old@contoso.com',
  state: 'NEEDS_REAUTH',
  lastError: 'Microsoft refused the stored sign-in (AADSTS700082): reconnect the mailbox.',
});
const GONE = mailbox({ id: 'm3', address: 'gone@contoso.com', state: 'DISCONNECTED', accessTokenExpiresAt: null });
const card = (address: string) => screen.getByRole('region', { name: address });

function renderPage(stubs: Stubs = {}, url = '/mailboxes') {
  return renderWithStubs(
    <MyMailboxesPage />,
    {
      MyMailboxes: () => ({ myMailboxes: [JANE, OLD, GONE] }),
      StartMailboxConnection: () => ({
        startMailboxConnection: { authorizationUrl: 'https://login.example/authorize?state=s', errors: [] },
      }),
      ...stubs,
    },
    { path: '/mailboxes', url },
  );
}

describe('MyMailboxesPage', () => {
  it('shows each mailbox with its state and only the actions that state allows', async () => {
    renderPage();
    await screen.findByRole('heading', { name: 'jane@contoso.com' });
    expect(within(card('jane@contoso.com')).getByText('Connected')).toBeTruthy();
    expect(within(card('jane@contoso.com')).getByRole('button', { name: 'Check connection' })).toBeTruthy();
    expect(within(card('jane@contoso.com')).getByRole('link', { name: 'Compose' }).getAttribute('href')).toBe(
      `/mailboxes/${JANE.id}/compose`,
    );
    const alert = within(card('old@contoso.com')).getByRole('alert');
    expect(alert.textContent).toContain('AADSTS700082');
    expect(within(alert).getByRole('button', { name: 'Reconnect' })).toBeTruthy();
    expect(within(card('old@contoso.com')).getByText('Needs reconnect')).toBeTruthy();
    expect(within(card('old@contoso.com')).queryByRole('link', { name: 'Compose' })).toBeNull();
    expect(within(card('gone@contoso.com')).getByText('Disconnected')).toBeTruthy();
    expect(within(card('gone@contoso.com')).queryByRole('button', { name: 'Disconnect' })).toBeNull();
  });

  it('goes to Microsoft to connect, and to reconnect a mailbox by its id', async () => {
    const { of } = renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Microsoft 365 mailbox' }));
    await waitFor(() => expect(openMicrosoft).toHaveBeenCalledWith('https://login.example/authorize?state=s'));
    fireEvent.click(within(card('old@contoso.com')).getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(of('StartMailboxConnection')).toHaveLength(2));
    expect(of('StartMailboxConnection').map((b) => b.variables.input)).toEqual([
      { kind: 'PERSONAL', transport: 'IMAP' },
      { kind: 'PERSONAL', mailboxId: 'm2' },
    ]);
  });

  it('connects over Microsoft Graph when chosen, shows each transport, and switches a mailbox to the other', async () => {
    const { of } = renderPage({
      MyMailboxes: () => ({ myMailboxes: [JANE, mailbox({ id: 'g1', address: 'g@contoso.com', transport: 'GRAPH' })] }),
    });
    await screen.findByRole('heading', { name: 'g@contoso.com' });
    expect(within(card('jane@contoso.com')).getByText('IMAP and SMTP')).toBeTruthy();
    expect(within(card('g@contoso.com')).getByText('Microsoft Graph')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /IMAP and SMTP/ }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: /Microsoft Graph/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect Microsoft 365 mailbox' }));
    await waitFor(() => expect(of('StartMailboxConnection')).toHaveLength(1));
    fireEvent.click(within(card('g@contoso.com')).getByRole('button', { name: 'Switch to IMAP and SMTP' }));
    fireEvent.click(within(card('jane@contoso.com')).getByRole('button', { name: 'Switch to Microsoft Graph' }));
    await waitFor(() => expect(of('StartMailboxConnection')).toHaveLength(3));
    expect(of('StartMailboxConnection').map((b) => b.variables.input)).toEqual([
      { kind: 'PERSONAL', transport: 'GRAPH' },
      { kind: 'PERSONAL', mailboxId: 'g1', transport: 'IMAP' },
      { kind: 'PERSONAL', mailboxId: JANE.id, transport: 'GRAPH' },
    ]);
  });

  it('says why a mailbox cannot be connected, and stays', async () => {
    renderPage({
      StartMailboxConnection: () => ({
        startMailboxConnection: {
          authorizationUrl: null,
          errors: [{ field: null, code: 'PRECONDITION_FAILED', message: 'An administrator must enable Emails Sync.' }],
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Microsoft 365 mailbox' }));
    expect((await screen.findByText(/An administrator must enable Emails Sync\./)).textContent).toBe(
      'The mailbox could not be connected. An administrator must enable Emails Sync.',
    );
    expect(openMicrosoft).not.toHaveBeenCalled();
  });

  it('reads the connection outcome once after Microsoft sent the browser back, and tidies the URL', async () => {
    const { of, router } = renderPage(
      {
        LastMailboxConnection: () => ({ lastMailboxConnection: { mailbox: JANE, error: null } }),
      },
      '/mailboxes?connection=done',
    );
    expect((await screen.findByRole('status')).textContent).toBe('Mailbox jane@contoso.com connected.');
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(of('LastMailboxConnection')).toHaveLength(1);
  });

  it("explains a refused connection with Microsoft's code and trace id", async () => {
    renderPage(
      {
        LastMailboxConnection: () => ({
          lastMailboxConnection: {
            mailbox: null,
            error: {
              error: 'access_denied',
              aadsts: 'AADSTS65004',
              message: 'The user declined consent.',
              microsoftDescription: 'AADSTS65004: User declined to consent to access the app.',
              traceId: '0b6f1a52-1c1e-4a43-9d2c-3c8e5a2f0e01',
              correlationId: null,
            },
          },
        }),
      },
      '/mailboxes?connection=done',
    );
    const alert = (await screen.findByText(/The mailbox was not connected/)).closest('[role=alert]')!;
    expect(alert.textContent).toContain('The mailbox was not connected. The user declined consent.');
    expect(alert.textContent).toContain('Error code: AADSTS65004 (access_denied)');
    expect(alert.textContent).toContain('Trace ID: 0b6f1a52-1c1e-4a43-9d2c-3c8e5a2f0e01');
  });

  it('does not ask for an outcome without ?connection=done', async () => {
    const { of } = renderPage();
    await screen.findByRole('heading', { name: 'jane@contoso.com' });
    expect(of('LastMailboxConnection')).toHaveLength(0);
  });

  it('checks the connection, shows IMAP, SMTP and the folders, saves the ticked ones; the list re-read each time', async () => {
    const checked = {
      ...JANE,
      lastCheckAt: '2030-01-02T10:00:00Z',
      imapCheck: 'OK',
      smtpCheck: '535 5.7.3 Authentication unsuccessful',
    };
    const { of } = renderPage({
      CheckMailboxConnection: () => ({
        checkMailboxConnection: {
          mailbox: checked,
          imapOk: true,
          smtpOk: false,
          errors: [],
          folders: [
            { fullName: 'INBOX', name: 'INBOX', messageCount: 3, selected: false },
            { fullName: 'Archive', name: 'Archive', messageCount: 0, selected: true },
          ],
        },
      }),
      SelectMailboxFolders: () => ({ selectMailboxFolders: { mailbox: checked, errors: [] } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Check connection' }));
    const result = await screen.findByRole('region', { name: 'Connection check' });
    expect(result.textContent).toContain('IMAP ✓ The server accepted the token.');
    expect(result.textContent).toContain('SMTP ✗ 535 5.7.3 Authentication unsuccessful');
    const inbox = within(result).getByRole('checkbox', { name: 'Sync this folder INBOX' }) as HTMLInputElement;
    expect(inbox.checked).toBe(false);
    expect(
      (within(result).getByRole('checkbox', { name: 'Sync this folder Archive' }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(inbox);
    fireEvent.click(within(result).getByRole('button', { name: 'Save folders' }));
    expect((await within(card('jane@contoso.com')).findByRole('status')).textContent).toBe(
      'Folders saved: INBOX, Archive.',
    );
    expect(of('SelectMailboxFolders')[0].variables.input).toEqual({
      mailboxId: JANE.id,
      folders: ['INBOX', 'Archive'],
    });
    expect(of('CheckMailboxConnection')[0].variables.input).toEqual({ mailboxId: JANE.id });
    await waitFor(() => expect(of('MyMailboxes')).toHaveLength(3));
  });

  it('asks before disconnecting, and deletes the mail only when asked to', async () => {
    const { of } = renderPage({
      DisconnectMailbox: () => ({ disconnectMailbox: { mailbox: { ...JANE, state: 'DISCONNECTED' }, errors: [] } }),
    });
    fireEvent.click(
      await within(await screen.findByRole('region', { name: 'jane@contoso.com' })).findByRole('button', {
        name: 'Disconnect',
      }),
    );
    let dialog = screen.getByRole('dialog', { name: 'Disconnect jane@contoso.com?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(within(card('jane@contoso.com')).getByRole('button', { name: 'Disconnect' }));
    dialog = screen.getByRole('dialog', { name: 'Disconnect jane@contoso.com?' });
    fireEvent.click(within(dialog).getByLabelText("Also delete this mailbox's mail"));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect((await within(card('jane@contoso.com')).findByRole('status')).textContent).toBe(
      'Mailbox disconnected. Its mail was deleted.',
    );
    expect(of('DisconnectMailbox')[0].variables.input).toEqual({ mailboxId: JANE.id, deleteMail: true });
  });
});
