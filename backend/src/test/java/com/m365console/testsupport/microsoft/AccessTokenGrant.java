package com.m365console.testsupport.microsoft;

import java.time.Instant;

/**
 * What the fake remembers about an access token it issued, so a fake resource server (IMAP, SMTP, Graph) can
 * check a bearer token. {@code email} and {@code oid} are null for client-credentials (app-only) tokens.
 */
public record AccessTokenGrant(
        String clientId, String tenantId, String email, String oid, String scope, Instant expiresAt) {

    public boolean appOnly() {
        return email == null;
    }

    public boolean validAt(Instant instant) {
        return instant.isBefore(expiresAt);
    }
}
