// GraphQL documents of the mail reader: the mailbox and its folders, a page of messages, one message, sync results.
import { graphql } from '../../gql';

export const MailReaderQuery = graphql(`
  query MailReader($mailboxId: UUID!) {
    mailbox(id: $mailboxId) {
      id
      address
      kind
    }
    mailFolders(mailboxId: $mailboxId) {
      id
      fullName
      total
      unread
      lastSyncedAt
    }
  }
`);

export const MessagesQuery = graphql(`
  query Messages($folderId: UUID!, $first: Int, $after: String, $search: String) {
    messages(folderId: $folderId, first: $first, after: $after, search: $search) {
      edges {
        cursor
        node {
          id
          subject
          fromName
          fromAddress
          receivedAt
          seen
          flagged
          hasAttachments
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MessageQuery = graphql(`
  query Message($id: UUID!) {
    message(id: $id) {
      id
      subject
      fromName
      fromAddress
      to
      cc
      sentAt
      receivedAt
      flags
      text
      html
      bodyTruncated
      attachments {
        fileName
        contentType
        size
        inline
      }
    }
  }
`);

export const MailReaderSyncStatusSubscription = graphql(`
  subscription MailReaderSyncStatus($mailboxId: UUID) {
    mailboxSyncStatus(mailboxId: $mailboxId) {
      mailboxId
      state
      newMessages
      at
    }
  }
`);
