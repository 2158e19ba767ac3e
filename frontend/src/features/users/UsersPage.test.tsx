// Renders System > Users against stubbed GraphQL: the columns, each action, refusals, the one-time password, delete.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithStubs, type Stubs } from '../../lib/testing';
import { UsersPage } from './UsersPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const user = (id: string, username: string, more: Record<string, unknown> = {}) => ({
  id,
  username,
  displayName: `${username} (display)`,
  email: null,
  role: 'USER',
  enabled: true,
  mustChangePassword: false,
  lastSignedInAt: null,
  createdAt: '2030-01-01T10:00:00Z',
  microsoftIdentities: [],
  ...more,
});
const ALICE = user('u1', 'alice', { role: 'ADMIN', lastSignedInAt: '2030-01-02T10:00:00Z' });
const BOB = user('u2', 'bob', {
  email: 'bob@contoso.com',
  microsoftIdentities: [{ tenantId: 'tenant-1', objectId: 'object-1', email: 'bob@contoso.com' }],
});
const CAROL = user('u3', 'carol', { enabled: false, mustChangePassword: true });
const ok = (extra: Record<string, unknown> = {}) => ({ user: null, errors: [], ...extra });

function renderPage(more: Stubs = {}) {
  return renderWithStubs(<UsersPage />, {
    Users: () => ({ users: [ALICE, BOB, CAROL] }),
    DisableUser: () => ({ disableUser: ok() }),
    EnableUser: () => ({ enableUser: ok() }),
    ChangeUserRole: () => ({ changeUserRole: ok() }),
    ResetUserPassword: () => ({
      resetUserPassword: ok({ oneTimePassword: 'Xy7-one-time-pw', oneTimePasswordExpiresAt: '2030-01-03T10:00:00Z' }),
    }),
    DeleteUser: () => ({ deleteUser: { deletedUserId: 'u2', keptMailboxes: 1, errors: [] } }),
    UnlinkMicrosoftIdentity: () => ({ unlinkMicrosoftIdentity: ok() }),
    ...more,
  });
}

const row = (username: string) => screen.getByRole('cell', { name: username }).closest('tr') as HTMLElement;

describe('UsersPage', () => {
  it('shows each user with role, state, last sign-in and linked Microsoft identity', async () => {
    renderPage();
    await screen.findByRole('cell', { name: 'alice' }, { timeout: 5000 });
    expect(within(row('alice')).getByText('Administrator')).toBeTruthy();
    expect(within(row('alice')).getByText('Enabled')).toBeTruthy();
    expect(within(row('alice')).getByText('Not linked')).toBeTruthy();
    expect(within(row('bob')).getByText('Never')).toBeTruthy();
    expect(within(row('bob')).getByRole('button', { name: 'Unlink bob@contoso.com from bob' })).toBeTruthy();
    expect(within(row('carol')).getByText('Disabled')).toBeTruthy();
    expect(within(row('carol')).getByText('Must change password')).toBeTruthy();
    expect(within(row('carol')).getByRole('button', { name: 'Enable carol' })).toBeTruthy();
    expect(within(row('alice')).getByRole('button', { name: 'Make alice a user' })).toBeTruthy();
    expect(within(row('bob')).getByRole('button', { name: 'Make bob an administrator' })).toBeTruthy();
  });

  it('disables, enables and changes roles, then reloads the list', async () => {
    const { of } = renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Disable bob' }));
    expect((await screen.findByRole('status')).textContent).toContain('bob disabled');
    expect(of('DisableUser')[0].variables.input).toEqual({ userId: 'u2' });
    fireEvent.click(screen.getByRole('button', { name: 'Enable carol' }));
    await waitFor(() => expect(of('EnableUser')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Make bob an administrator' }));
    await waitFor(() => expect(of('ChangeUserRole')[0]?.variables.input).toEqual({ userId: 'u2', role: 'ADMIN' }));
    await waitFor(() => expect(of('Users').length).toBeGreaterThanOrEqual(4));
  });

  it('shows why the last administrator was not demoted', async () => {
    const message = 'This is the last enabled administrator: make another user an administrator first.';
    renderPage({
      ChangeUserRole: () => ({
        changeUserRole: { user: null, errors: [{ field: 'userId', code: 'LAST_ADMIN', message }] },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Make alice a user' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`alice was not changed. ${message}`);
  });

  it('resets a password after confirmation and shows the one-time password once', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { of } = renderPage();
    const reset = await screen.findByRole('button', { name: 'Reset password of bob' });
    fireEvent.click(reset);
    expect(of('ResetUserPassword')).toHaveLength(0);
    fireEvent.click(reset);
    const box = await screen.findByRole('region', { name: 'One-time password' });
    expect(within(box).getByLabelText<HTMLInputElement>('One-time password of bob').value).toBe('Xy7-one-time-pw');
    expect(within(box).getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(box.textContent).toContain('It will not be shown again.');
    expect(confirm).toHaveBeenCalledTimes(2);

    fireEvent.click(screen.getByRole('button', { name: 'Disable bob' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'One-time password' })).toBeNull());
  });

  it('deletes a user after the dialog, keeping or deleting the mail as chosen', async () => {
    const { of } = renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete bob' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete bob?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(of('DeleteUser')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete bob' }));
    dialog = screen.getByRole('dialog', { name: 'Delete bob?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete user' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'bob deleted. 1 mailbox kept under System > Mailboxes.',
    );
    expect(of('DeleteUser')[0].variables.input).toEqual({ userId: 'u2', deleteMail: false });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete carol' }));
    dialog = screen.getByRole('dialog', { name: 'Delete carol?' });
    fireEvent.click(within(dialog).getByLabelText(/Delete it with the mailboxes/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete user' }));
    await waitFor(() => expect(of('DeleteUser')[1]?.variables.input).toEqual({ userId: 'u3', deleteMail: true }));
  });

  it('unlinks a Microsoft identity after confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { of } = renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Unlink bob@contoso.com from bob' }));
    expect((await screen.findByRole('status')).textContent).toContain('bob@contoso.com unlinked from bob');
    expect(of('UnlinkMicrosoftIdentity')[0].variables.input).toEqual({
      userId: 'u2',
      tenantId: 'tenant-1',
      objectId: 'object-1',
    });
  });
});
