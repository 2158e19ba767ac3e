// Renders System Mailboxes against a stubbed /graphql: connecting a shared mailbox, its errors, the overview of all.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMicrosoft } from './redirect';
import { SystemMailboxesPage } from './SystemMailboxesPage';
import { renderWithStubs, type Stubs } from '../../lib/testing';
import { mailbox, watched } from './testing';

vi.mock('./redirect', () => ({ openMicrosoft: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const SUPPORT = mailbox({
  id: 's1',
  kind: 'SYSTEM',
  owner: null,
  address: 'support@contoso.com',
  connectedBy: 'admin',
  transport: 'GRAPH',
  ...watched(),
});
const JANE = mailbox({
  state: 'NEEDS_REAUTH',
  lastError: 'Reconnect the mailbox.',
  lastCheckAt: '2030-01-02T10:00:00Z',
  imapCheck: 'OK',
  smtpCheck: 'OK',
});

function renderPage(start: Stubs[string], withApp: Stubs[string] = () => ({})) {
  return renderWithStubs(
    <SystemMailboxesPage />,
    {
      SystemMailboxes: () => ({ systemMailboxes: [SUPPORT], allMailboxes: [SUPPORT, JANE] }),
      StartMailboxConnection: start,
      ConnectSharedMailboxWithAppPermission: withApp,
    },
    { path: '/system/mailboxes', url: '/system/mailboxes' },
  );
}

describe('SystemMailboxesPage', () => {
  it('lists every mailbox in the overview with kind, owner, state and last error', async () => {
    renderPage(() => ({}));
    const table = await screen.findByRole('table', { name: 'All mailboxes' });
    const row = within(table).getByRole('cell', { name: 'jane@contoso.com' }).closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent)).toEqual([
      'jane@contoso.com',
      'Personal',
      'IMAP and SMTP',
      'jane',
      'Needs reconnect',
      'Reconnect the mailbox.',
    ]);
    expect(row.textContent).toContain('IMAP ✓');
    const support = within(table).getByRole('cell', { name: 'support@contoso.com' }).closest('tr')!;
    expect(support.textContent).toContain('SystemMicrosoft Graph—Connected');
    expect(within(support).getByText('New mail: instant').title).toContain('IMAP IDLE');
    expect([...row.querySelectorAll('td')].at(-1)!.textContent).toBe('—');
    expect(screen.getByRole('region', { name: 'support@contoso.com' })).toBeTruthy();
  });

  it('connects a shared mailbox by its address through Microsoft, over IMAP and SMTP unless Graph is chosen', async () => {
    const { of } = renderPage(() => ({
      startMailboxConnection: { authorizationUrl: 'https://login.example/a', errors: [] },
    }));
    fireEvent.change(await screen.findByLabelText('Shared mailbox address'), {
      target: { value: ' support@contoso.com' },
    });
    const form = screen.getByRole('form', { name: 'Connect a shared mailbox' });
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: /IMAP and SMTP/ }).checked).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: /Microsoft Graph/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect shared mailbox' }));
    await waitFor(() => expect(openMicrosoft).toHaveBeenCalledWith('https://login.example/a'));
    expect(of('StartMailboxConnection')[0].variables.input).toEqual({
      kind: 'SYSTEM',
      sharedAddress: 'support@contoso.com',
      transport: 'GRAPH',
    });
  });

  it('shows an address error under the field', async () => {
    renderPage(() => ({
      startMailboxConnection: {
        authorizationUrl: null,
        errors: [{ field: 'sharedAddress', code: 'INVALID_FORMAT', message: "Enter the shared mailbox's address." }],
      },
    }));
    fireEvent.click(await screen.findByRole('button', { name: 'Connect shared mailbox' }));
    expect((await screen.findByText("Enter the shared mailbox's address.")).id).toBe('shared-address-error');
    expect(screen.getByLabelText('Shared mailbox address').getAttribute('aria-describedby')).toContain(
      'shared-address-error',
    );
    expect(openMicrosoft).not.toHaveBeenCalled();
  });

  it("connects with the application's permission without going to Microsoft, and shows its errors", async () => {
    let answer: unknown = {
      connectSharedMailboxWithAppPermission: {
        mailbox: null,
        errors: [{ field: null, code: 'MAIL_SERVER_REFUSED', message: 'Grant Mail.ReadWrite with admin consent.' }],
      },
    };
    const { of } = renderPage(
      () => ({}),
      () => answer,
    );
    fireEvent.change(await screen.findByLabelText('Shared mailbox address'), {
      target: { value: ' support@contoso.com ' },
    });
    const form = screen.getByRole('form', { name: 'Connect a shared mailbox' });
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: /Through a delegate/ }).checked).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: /application’s permission/ }));
    expect(within(form).queryByRole('radio', { name: /IMAP and SMTP/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Connect shared mailbox' }));
    expect(await screen.findByText('Grant Mail.ReadWrite with admin consent.')).toBeTruthy();
    expect(of('ConnectSharedMailboxWithAppPermission')[0].variables.input).toEqual({ address: 'support@contoso.com' });

    answer = {
      connectSharedMailboxWithAppPermission: {
        mailbox: { ...SUPPORT, grant: 'APPLICATION' },
        errors: [],
      },
    };
    fireEvent.click(screen.getByRole('button', { name: 'Connect shared mailbox' }));
    expect(await screen.findByText("support@contoso.com is connected with the application's permission.")).toBeTruthy();
    expect(of('StartMailboxConnection')).toHaveLength(0);
    expect(openMicrosoft).not.toHaveBeenCalled();
  });

  it("shows a shared mailbox connected with the application's permission at once, when none was listed", async () => {
    const connected = { ...SUPPORT, grant: 'APPLICATION' as const };
    let listed: (typeof connected)[] = [];
    const { of } = renderWithStubs(
      <SystemMailboxesPage />,
      {
        SystemMailboxes: () => ({ systemMailboxes: listed, allMailboxes: listed }),
        ConnectSharedMailboxWithAppPermission: () => {
          listed = [connected];
          return { connectSharedMailboxWithAppPermission: { mailbox: connected, errors: [] } };
        },
      },
      { path: '/system/mailboxes', url: '/system/mailboxes' },
    );
    expect(await screen.findByText('No shared mailbox is connected yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Shared mailbox address'), { target: { value: 'support@contoso.com' } });
    fireEvent.click(screen.getByRole('radio', { name: /application’s permission/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect shared mailbox' }));
    expect(await screen.findByRole('region', { name: 'support@contoso.com' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'All mailboxes' });
    expect(within(table).getByRole('cell', { name: /support@contoso.com/ })).toBeTruthy();
    expect(of('SystemMailboxes')).toHaveLength(2);
  });

  it('marks a mailbox reached with the application permission in the overview', async () => {
    renderWithStubs(
      <SystemMailboxesPage />,
      {
        SystemMailboxes: () => ({
          systemMailboxes: [],
          allMailboxes: [{ ...SUPPORT, grant: 'APPLICATION' }, JANE],
        }),
      },
      { path: '/system/mailboxes', url: '/system/mailboxes' },
    );
    const table = await screen.findByRole('table', { name: 'All mailboxes' });
    const support = within(table)
      .getByRole('cell', { name: /support@contoso.com/ })
      .closest('tr')!;
    expect(support.textContent).toContain('Microsoft GraphApplication permission');
    const jane = within(table).getByRole('cell', { name: 'jane@contoso.com' }).closest('tr')!;
    expect(jane.textContent).not.toContain('Application permission');
  });
});
