package com.m365console.mailbox;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A mailbox with its health, as the GraphQL type {@code Mailbox}; owner and connectedBy are user names, and the
 * access token's expiry is that of its transport's resource; grant says whose permission reaches it.
 */
public record MailboxView(
        UUID id,
        MailboxKind kind,
        MailTransport transport,
        UUID ownerId,
        String owner,
        String address,
        MailboxState state,
        String lastError,
        OffsetDateTime accessTokenExpiresAt,
        OffsetDateTime connectedAt,
        String connectedBy,
        OffsetDateTime lastCheckAt,
        String imapCheck,
        String smtpCheck,
        List<String> selectedFolders,
        MailboxGrant grant)
        implements Serializable {

    /** The view of a mailbox over IMAP and SMTP, for the callers that build one without choosing a transport. */
    public MailboxView(
            UUID id,
            MailboxKind kind,
            UUID ownerId,
            String owner,
            String address,
            MailboxState state,
            String lastError,
            OffsetDateTime accessTokenExpiresAt,
            OffsetDateTime connectedAt,
            String connectedBy,
            OffsetDateTime lastCheckAt,
            String imapCheck,
            String smtpCheck,
            List<String> selectedFolders) {
        this(
                id,
                kind,
                MailTransport.IMAP,
                ownerId,
                owner,
                address,
                state,
                lastError,
                accessTokenExpiresAt,
                connectedAt,
                connectedBy,
                lastCheckAt,
                imapCheck,
                smtpCheck,
                selectedFolders,
                MailboxGrant.DELEGATED);
    }

    /** Whether the mailbox is reached with the application's own permission rather than a user's consent. */
    public boolean applicationPermission() {
        return grant == MailboxGrant.APPLICATION;
    }
}
