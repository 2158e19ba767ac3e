// GraphQL documents of the mailboxes feature: the lists, one mailbox, the connection outcome, the actions, sync.
import { graphql } from '../../gql';

export const MailboxFields = graphql(`
  fragment MailboxFields on Mailbox {
    id
    kind
    transport
    grant
    address
    owner
    state
    lastError
    accessTokenExpiresAt
    connectedAt
    connectedBy
    lastCheckAt
    imapCheck
    smtpCheck
    selectedFolders
    lastSync {
      ...SyncStatusFields
    }
    lastFailure {
      ...SyncStatusFields
    }
    pushing
    push {
      state
      since
      reason
    }
  }
`);

export const MyMailboxesQuery = graphql(`
  query MyMailboxes {
    myMailboxes {
      ...MailboxFields
    }
  }
`);

export const SystemMailboxesQuery = graphql(`
  query SystemMailboxes {
    systemMailboxes {
      ...MailboxFields
    }
    allMailboxes {
      ...MailboxFields
    }
  }
`);

export const MailboxQuery = graphql(`
  query Mailbox($id: UUID!) {
    mailbox(id: $id) {
      ...MailboxFields
    }
  }
`);

export const LastMailboxConnectionQuery = graphql(`
  query LastMailboxConnection {
    lastMailboxConnection {
      mailbox {
        ...MailboxFields
      }
      error {
        error
        aadsts
        message
        microsoftDescription
        traceId
        correlationId
        consentUrl
      }
    }
  }
`);

export const ConnectSharedMailboxWithAppPermissionMutation = graphql(`
  mutation ConnectSharedMailboxWithAppPermission($input: ConnectSharedMailboxWithAppPermissionInput!) {
    connectSharedMailboxWithAppPermission(input: $input) {
      mailbox {
        ...MailboxFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const StartMailboxConnectionMutation = graphql(`
  mutation StartMailboxConnection($input: StartMailboxConnectionInput!) {
    startMailboxConnection(input: $input) {
      authorizationUrl
      errors {
        field
        code
        message
      }
    }
  }
`);

export const CheckMailboxConnectionMutation = graphql(`
  mutation CheckMailboxConnection($input: MailboxIdInput!) {
    checkMailboxConnection(input: $input) {
      mailbox {
        ...MailboxFields
      }
      imapOk
      smtpOk
      folders {
        fullName
        name
        messageCount
        selected
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const SelectMailboxFoldersMutation = graphql(`
  mutation SelectMailboxFolders($input: SelectMailboxFoldersInput!) {
    selectMailboxFolders(input: $input) {
      mailbox {
        ...MailboxFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const SendEmailMutation = graphql(`
  mutation SendEmail($input: SendEmailInput!) {
    sendEmail(input: $input) {
      sentMessage {
        id
        messageId
        recipients
        subject
        sentAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const DisconnectMailboxMutation = graphql(`
  mutation DisconnectMailbox($input: DisconnectMailboxInput!) {
    disconnectMailbox(input: $input) {
      mailbox {
        ...MailboxFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const SyncStatusFields = graphql(`
  fragment SyncStatusFields on SyncStatus {
    mailboxId
    state
    folder
    done
    total
    newMessages
    durationMs
    reason
    at
  }
`);

export const SyncMailboxMutation = graphql(`
  mutation SyncMailbox($input: MailboxIdInput!) {
    syncMailbox(input: $input) {
      status {
        ...SyncStatusFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const MailboxSyncStatusSubscription = graphql(`
  subscription MailboxSyncStatus($mailboxId: UUID) {
    mailboxSyncStatus(mailboxId: $mailboxId) {
      ...SyncStatusFields
    }
  }
`);
