// A shared mailbox reached with the application's own permission: its card reconnects it the same way (no
// delegate's consent, no switch to IMAP, which that access cannot use), and shows Graph's refusal if it comes again.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SystemMailboxesPage } from './SystemMailboxesPage';
import { renderWithStubs } from '../../lib/testing';
import { mailbox } from './testing';
import { openMicrosoft } from './redirect';

vi.mock('./redirect', () => ({ openMicrosoft: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const REFUSED = mailbox({
  kind: 'SYSTEM',
  address: 'support@contoso.com',
  transport: 'GRAPH',
  grant: 'APPLICATION',
  state: 'ACCESS_REFUSED',
  lastError: 'Microsoft Graph denied the application access to support@contoso.com.',
});

describe('a shared mailbox connected with the application permission', () => {
  it('reconnects with the application permission, and offers no delegate consent or IMAP', async () => {
    const refusal = 'Microsoft Graph denied the application access to support@contoso.com: grant Mail.ReadWrite.';
    const { of } = renderWithStubs(
      <SystemMailboxesPage />,
      {
        SystemMailboxes: () => ({ systemMailboxes: [REFUSED], allMailboxes: [REFUSED] }),
        ConnectSharedMailboxWithAppPermission: () => ({
          connectSharedMailboxWithAppPermission: {
            mailbox: null,
            errors: [{ field: null, code: 'MAIL_SERVER_REFUSED', message: refusal }],
          },
        }),
      },
      { path: '/system/mailboxes', url: '/system/mailboxes' },
    );

    const card = await screen.findByRole('region', { name: 'support@contoso.com' });
    expect(within(card).queryByRole('button', { name: 'Reconnect' })).toBeNull();
    expect(within(card).queryByRole('button', { name: /Switch to/ })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: "Reconnect with the application's permission" }));

    await waitFor(() => expect(of('ConnectSharedMailboxWithAppPermission')).toHaveLength(1));
    expect(of('ConnectSharedMailboxWithAppPermission')[0]).toMatchObject({
      variables: { input: { address: 'support@contoso.com' } },
    });
    expect(await within(card).findByText(refusal)).toBeTruthy();
    expect(openMicrosoft).not.toHaveBeenCalled();
  });
});
