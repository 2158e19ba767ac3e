package com.m365console.identity;

import java.time.OffsetDateTime;

/** The GraphQL {@code MicrosoftIdentity}: a Microsoft 365 identity linked to a local account. */
public record MicrosoftIdentity(
        String tenantId, String objectId, String email, OffsetDateTime linkedAt, OffsetDateTime lastSignedInAt) {}
