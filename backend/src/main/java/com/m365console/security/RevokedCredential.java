package com.m365console.security;

import java.util.Optional;

/**
 * A credential that was taken back (a session ended, an API token revoked), as announced to every instance on
 * the PostgreSQL channel {@link #CHANNEL}. The statements that end a credential send the notice themselves, in
 * the same transaction, as the text {@code KIND:key}: the session id's SHA-256 in hex, or the API token's id.
 */
public record RevokedCredential(Kind kind, String key) {

    public static final String CHANNEL = "m365_credential_revoked";

    /** What kind of credential. */
    public enum Kind {
        SESSION,
        API_TOKEN
    }

    static Optional<RevokedCredential> parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new RevokedCredential(Kind.valueOf(payload.substring(0, colon)), payload.substring(colon + 1)));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
