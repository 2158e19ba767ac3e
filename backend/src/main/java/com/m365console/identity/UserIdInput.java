package com.m365console.identity;

import java.util.UUID;

/** Schema input naming one account, for the admin's user actions. */
public record UserIdInput(UUID userId) {}
