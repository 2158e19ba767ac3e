package com.m365console.identity;

import java.time.Instant;
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
        OffsetDateTime createdAt,
        OffsetDateTime oneTimePasswordExpiresAt,
        OffsetDateTime lastSignedInAt) {

    static UserAccount create(String username, String displayName, String email, String passwordHash, Role role) {
        return new UserAccount(
                null, username, displayName, email, passwordHash, role, false, true, OffsetDateTime.now(), null, null);
    }

    /** An account whose password was made up by the app; it works until it expires or the user chooses one. */
    static UserAccount withOneTimePassword(
            String username, String displayName, String passwordHash, Role role, OffsetDateTime expiresAt) {
        return new UserAccount(
                null,
                username,
                displayName,
                null,
                passwordHash,
                role,
                true,
                true,
                OffsetDateTime.now(),
                expiresAt,
                null);
    }

    /** An account made at its first Microsoft 365 sign-in: it has no password of its own. */
    static UserAccount signedUpWithMicrosoft(String email, String displayName) {
        return create(email, displayName, email, null, Role.USER);
    }

    /** The account with a password its user chose: no longer one-time, so it does not expire. */
    UserAccount withPassword(String newHash) {
        return new UserAccount(
                id, username, displayName, email, newHash, role, false, enabled, createdAt, null, lastSignedInAt);
    }

    /** The account with a fresh one-time password, which replaces the previous one. */
    UserAccount withOneTimePassword(String newHash, OffsetDateTime expiresAt) {
        return new UserAccount(
                id, username, displayName, email, newHash, role, true, enabled, createdAt, expiresAt, lastSignedInAt);
    }

    /** Whether the password is a one-time one that no longer works at {@code now}. */
    public boolean oneTimePasswordExpired(Instant now) {
        return oneTimePasswordExpiresAt != null
                && !oneTimePasswordExpiresAt.toInstant().isAfter(now);
    }
}
