package com.m365console.mailbox;

import java.util.List;
import java.util.UUID;

/** Schema input {@code SelectMailboxFoldersInput}. */
public record SelectMailboxFoldersInput(UUID mailboxId, List<String> folders) {}
