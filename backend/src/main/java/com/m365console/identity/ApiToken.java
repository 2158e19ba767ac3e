package com.m365console.identity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A personal API token as stored (only its hash) and as the GraphQL type {@code ApiToken} shows it. */
@Table("api_token")
public record ApiToken(
        @Id UUID id,
        UUID userId,
        String name,
        byte[] tokenHash,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    ApiToken revoke() {
        return new ApiToken(id, userId, name, tokenHash, createdAt, lastUsedAt, expiresAt, OffsetDateTime.now());
    }
}
