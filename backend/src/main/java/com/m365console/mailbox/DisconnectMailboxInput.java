package com.m365console.mailbox;

import java.util.UUID;

/** Schema input {@code DisconnectMailboxInput}. */
public record DisconnectMailboxInput(UUID mailboxId, Boolean deleteMail) {}
