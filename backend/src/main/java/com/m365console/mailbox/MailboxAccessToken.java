package com.m365console.mailbox;

import java.time.Instant;
import java.util.Set;

/**
 * A mailbox's access token, when it expires and, when Microsoft just issued it, the scopes its token response said
 * it carries (empty when not known); {@code toString} keeps the token out of logs.
 */
public record MailboxAccessToken(String value, Instant expiresAt, Set<String> scopes) {

    public MailboxAccessToken {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public MailboxAccessToken(String value, Instant expiresAt) {
        this(value, expiresAt, Set.of());
    }

    @Override
    public String toString() {
        return "MailboxAccessToken[value=<redacted>, expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
