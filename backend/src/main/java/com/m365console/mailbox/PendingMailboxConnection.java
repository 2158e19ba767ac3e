package com.m365console.mailbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A mailbox connection between "Connect" and Microsoft's redirect back, kept in the user's web session and
 * found by its state: PKCE verifier, nonce and what to connect. Used once.
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
        Instant createdAt)
        implements Serializable {}
