package com.m365console.mailbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A mailbox connection between "Connect" and Microsoft's redirect back, kept in the user's web session and
 * found by its state: PKCE verifier, nonce and what to connect, over which transport. Used once.
 */
record PendingMailboxConnection(
        String state,
        String codeVerifier,
        String nonce,
        String redirectUri,
        UUID actorId,
        MailboxKind kind,
        String sharedAddress,
        UUID reconnectMailboxId,
        Instant createdAt,
        MailTransport transport)
        implements Serializable {

    /** One kept in a session from before transports were chosen is an IMAP one. */
    PendingMailboxConnection {
        transport = transport == null ? MailTransport.IMAP : transport;
    }
}
