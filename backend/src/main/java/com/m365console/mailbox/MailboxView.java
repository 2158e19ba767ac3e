package com.m365console.mailbox;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A mailbox with its health, as the GraphQL type {@code Mailbox}; owner and connectedBy are user names. */
public record MailboxView(
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
        List<String> selectedFolders)
        implements Serializable {}
