package com.m365console.mailbox;

import java.util.UUID;

/** Schema input for {@code startMailboxConnection}. */
public record StartMailboxConnectionInput(
        MailboxKind kind, String sharedAddress, UUID mailboxId, MailTransport transport) {}
