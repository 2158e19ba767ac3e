package com.m365console.identity;

import java.util.UUID;

/** Schema input for {@code unlinkMicrosoftIdentity}: the account and the identity (tenant, object id). */
public record UnlinkMicrosoftIdentityInput(UUID userId, String tenantId, String objectId) {}
