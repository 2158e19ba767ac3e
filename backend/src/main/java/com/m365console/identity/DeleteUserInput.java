package com.m365console.identity;

import java.util.UUID;

/** Schema input for {@code deleteUser}: the account, and whether its mailboxes' mail goes with it. */
public record DeleteUserInput(UUID userId, Boolean deleteMail) {}
