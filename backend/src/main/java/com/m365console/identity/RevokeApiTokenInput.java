package com.m365console.identity;

import java.util.UUID;

/** Schema input for {@code revokeApiToken}. */
public record RevokeApiTokenInput(UUID id) {}
