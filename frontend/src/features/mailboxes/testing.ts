// Test helpers of the mailboxes feature: a mailbox as the server sends it, and its push states.
import type { MailboxFieldsFragment } from '../../gql/graphql';

/** A mailbox as the server sends it, with its __typename so that urql re-runs the queries holding one. */
export function mailbox(more: Partial<MailboxFieldsFragment> = {}): MailboxFieldsFragment {
  const typed: MailboxFieldsFragment & { __typename: 'Mailbox' } = {
    __typename: 'Mailbox',
    id: '7d7e6f3a-0000-4000-8000-000000000001',
    kind: 'PERSONAL',
    transport: 'IMAP',
    grant: 'DELEGATED',
    address: 'jane@contoso.com',
    owner: 'jane',
    state: 'CONNECTED',
    lastError: null,
    accessTokenExpiresAt: '2999-01-01T10:00:00Z',
    connectedAt: '2030-01-01T09:00:00Z',
    connectedBy: 'jane',
    lastCheckAt: null,
    imapCheck: null,
    smtpCheck: null,
    selectedFolders: [],
    lastSync: null,
    lastFailure: null,
    pushing: false,
    push: { state: 'OFF', since: null, reason: null },
    ...more,
  };
  return typed;
}

/** The push fields of a mailbox whose new mail a watcher waits for in IDLE since the given time. */
export function watched(since = '2030-01-02T09:30:00Z'): Pick<MailboxFieldsFragment, 'pushing' | 'push'> {
  return { pushing: true, push: { state: 'WATCHING', since, reason: null } };
}
