package com.m365console.identity;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A local account as stored; also the GraphQL {@code User} (the password hash has no schema field). */
@Table("app_user")
public record UserAccount(
        @Id UUID id,
        String username,
        String displayName,
        String email,
        String passwordHash,
        Role role,
        boolean mustChangePassword,
        boolean enabled,
        OffsetDateTime createdAt) {

    static UserAccount create(String username, String displayName, String email, String passwordHash, Role role,
            boolean mustChangePassword) {
        return new UserAccount(null, username, displayName, email, passwordHash, role, mustChangePassword, true,
                OffsetDateTime.now());
    }

    /** An account made at its first Microsoft 365 sign-in: it has no password of its own. */
    static UserAccount signedUpWithMicrosoft(String email, String displayName) {
        return create(email, displayName, email, null, Role.USER, false);
    }

    UserAccount withPassword(String newHash) {
        return new UserAccount(id, username, displayName, email, newHash, role, false, enabled, createdAt);
    }
}
