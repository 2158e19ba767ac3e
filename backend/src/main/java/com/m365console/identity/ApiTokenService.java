package com.m365console.identity;

import com.m365console.platform.crypto.SecretDigests;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Personal API tokens for tooling: created with a name and optional expiry and shown once, stored only as
 * a SHA-256 hash, revocable; a token acts as its owner.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "m365_";
    private static final int MAX_NAME = 100;

    private final SecureRandom random = new SecureRandom();
    private final ApiTokenRepository tokens;
    private final AuditEvents audit;
    private final TransactionalOperator transaction;

    ApiTokenService(ApiTokenRepository tokens, AuditEvents audit, TransactionalOperator transaction) {
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = transaction;
    }

    Flux<ApiToken> list(UUID ownerId) {
        return tokens.findByUserId(ownerId);
    }

    Mono<CreateApiTokenPayload> create(UUID ownerId, CreateApiTokenInput input) {
        String name = input.name() == null ? "" : input.name().trim();
        if (name.isEmpty()) {
            return Mono.just(CreateApiTokenPayload.refused(new UserError(
                    "name", UserErrorCode.REQUIRED, "Give the token a name that says where it is used.")));
        }
        if (name.length() > MAX_NAME) {
            return Mono.just(CreateApiTokenPayload.refused(
                    new UserError("name", UserErrorCode.TOO_LONG, "Use at most " + MAX_NAME + " characters.")));
        }
        if (input.expiresAt() != null && !input.expiresAt().isAfter(OffsetDateTime.now())) {
            return Mono.just(CreateApiTokenPayload.refused(
                    new UserError("expiresAt", UserErrorCode.INVALID_FORMAT, "The expiry must be in the future.")));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(
                null, ownerId, name, SecretDigests.sha256(secret), OffsetDateTime.now(), null, input.expiresAt(), null);
        return tokens.save(token)
                .flatMap(saved -> audit.record(AuditEvent.by(AuditEvent.API_TOKEN_CREATED, ownerId, details(saved)))
                        .thenReturn(new CreateApiTokenPayload(saved, secret, List.of())))
                .as(transaction::transactional);
    }

    Mono<RevokeApiTokenPayload> revoke(UUID ownerId, UUID tokenId) {
        return tokens.revoke(tokenId, ownerId)
                .flatMap(count -> count == 0
                        ? Mono.just(new RevokeApiTokenPayload(
                                null,
                                List.of(new UserError(
                                        "id", UserErrorCode.INVALID_FORMAT, "You have no active token with this id."))))
                        : tokens.findById(tokenId)
                                .flatMap(token -> audit.record(
                                                AuditEvent.by(AuditEvent.API_TOKEN_REVOKED, ownerId, details(token)))
                                        .thenReturn(new RevokeApiTokenPayload(token, List.of()))))
                .as(transaction::transactional);
    }

    /** What the audit log says of a token: which one, never its secret or hash. */
    private static Map<String, Object> details(ApiToken token) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokenId", token.id().toString());
        details.put("name", token.name());
        if (token.expiresAt() != null) {
            details.put("expiresAt", token.expiresAt().toString());
        }
        return details;
    }

    /** Revokes every active token of the owner (their password changed); answers how many. */
    public Mono<Long> revokeAll(UUID ownerId) {
        return tokens.revokeAll(ownerId);
    }

    /** Closes the sockets of every active token of the owner on every instance, keeping the tokens; how many. */
    public Mono<Long> closeSocketsOf(UUID ownerId) {
        return tokens.announceAll(ownerId);
    }

    /** The token a presented secret belongs to, if it is valid and its owner enabled; its use is recorded. */
    public Mono<AuthenticatedToken> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Mono.empty();
        }
        return tokens.useToken(SecretDigests.sha256(presented))
                .map(token -> new AuthenticatedToken(
                        token.id(),
                        new TokenOwner(token.userId(), token.username(), token.role(), token.mustChangePassword()),
                        expiry(token.expiresAt())));
    }

    /** Until when the token stays valid ({@link Instant#MAX}: no expiry); empty once revoked or expired. */
    public Mono<Instant> activeUntil(UUID tokenId) {
        return tokens.findActive(tokenId).map(token -> expiry(token.expiresAt()));
    }

    private static Instant expiry(OffsetDateTime expiresAt) {
        return expiresAt == null ? Instant.MAX : expiresAt.toInstant();
    }

    /** A valid token as presented: its id, its owner, and when it expires. */
    public record AuthenticatedToken(UUID tokenId, TokenOwner owner, Instant validUntil) {}

    /** The enabled account a token acts as, and what decides its rights. */
    public record TokenOwner(UUID id, String username, Role role, boolean mustChangePassword) {}
}
