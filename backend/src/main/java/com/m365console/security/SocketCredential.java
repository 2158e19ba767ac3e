package com.m365console.security;

import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * What a GraphQL WebSocket was authenticated with: the credential's kind and key (as revocation notices name
 * it), the account it acts as, until when it is known to be valid, and how to ask the database again once that
 * time has passed (the answer is the new end, or empty when the credential ended).
 */
record SocketCredential(
        RevokedCredential.Kind kind,
        String key,
        Authentication authentication,
        Instant validUntil,
        Supplier<Mono<Instant>> currentEnd) {

    SocketCredential validUntil(Instant end) {
        return new SocketCredential(kind, key, authentication, end, currentEnd);
    }

    boolean names(RevokedCredential revoked) {
        return kind == revoked.kind() && key.equals(revoked.key());
    }
}
