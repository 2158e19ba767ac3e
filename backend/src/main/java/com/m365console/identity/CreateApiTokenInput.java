package com.m365console.identity;

import java.time.OffsetDateTime;

/** Schema input for {@code createApiToken}. */
public record CreateApiTokenInput(String name, OffsetDateTime expiresAt) {}
