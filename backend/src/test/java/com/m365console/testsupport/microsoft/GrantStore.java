package com.m365console.testsupport.microsoft;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** Remembers the authorization codes, refresh tokens and access tokens the fake handed out, and which were used up. */
final class GrantStore {

    static final int ACCESS_TOKEN_SECONDS = 3599;
    private volatile int accessTokenSeconds = ACCESS_TOKEN_SECONDS;
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** What the user consented to on the authorize page, waiting to be redeemed once at the token endpoint. */
    record CodeGrant(
            String clientId,
            String tenantKey,
            Directory.Account account,
            String redirectUri,
            String scope,
            String nonce,
            String codeChallenge,
            String codeChallengeMethod,
            Instant expiresAt,
            AtomicBoolean redeemed) {}

    /** A refresh token; rotation marks it used, and it is refused from then on. */
    record RefreshGrant(
            String clientId, Directory.Account account, String scope, Instant issuedAt, AtomicBoolean used) {}

    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessTokenGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokensIssuedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokensValidFrom = new ConcurrentHashMap<>();
    private final java.util.List<java.util.function.BiConsumer<String, AccessTokenGrant>> accessTokenListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final java.util.List<java.util.function.Consumer<String>> revocationListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    void onAccessTokenIssued(java.util.function.BiConsumer<String, AccessTokenGrant> listener) {
        accessTokenListeners.add(listener);
    }

    String issueCode(
            String clientId,
            String tenantKey,
            Directory.Account account,
            String redirectUri,
            String scope,
            String nonce,
            String codeChallenge,
            String codeChallengeMethod) {
        String code = "1.A" + Http.random(96);
        codes.put(
                code,
                new CodeGrant(
                        clientId,
                        tenantKey,
                        account,
                        redirectUri,
                        scope,
                        nonce,
                        codeChallenge,
                        codeChallengeMethod,
                        Instant.now().plus(CODE_LIFETIME),
                        new AtomicBoolean()));
        return code;
    }

    /** The code's grant while it has not expired; redeemed codes are still returned so the caller can say so. */
    Optional<CodeGrant> code(String code) {
        return Optional.ofNullable(codes.get(code))
                .filter(grant -> Instant.now().isBefore(grant.expiresAt()));
    }

    String issueRefreshToken(String clientId, Directory.Account account, String scope) {
        String token = "1.A" + Http.random(160);
        refreshTokens.put(token, new RefreshGrant(clientId, account, scope, Instant.now(), new AtomicBoolean()));
        return token;
    }

    int accessTokenSeconds() {
        return accessTokenSeconds;
    }

    void accessTokenSeconds(int seconds) {
        accessTokenSeconds = seconds;
    }

    Optional<RefreshGrant> refreshToken(String token) {
        return Optional.ofNullable(refreshTokens.get(token));
    }

    String issueAccessToken(String clientId, String tenantId, Directory.Account account, String scope) {
        String token = Http.random(96);
        Instant expiresAt = Instant.now().plusSeconds(accessTokenSeconds);
        AccessTokenGrant grant = account == null
                ? new AccessTokenGrant(clientId, tenantId, null, null, scope, expiresAt)
                : new AccessTokenGrant(clientId, tenantId, account.email(), account.oid(), scope, expiresAt);
        accessTokens.put(token, grant);
        accessTokensIssuedAt.put(token, Instant.now());
        accessTokenListeners.forEach(listener -> listener.accept(token, grant));
        return token;
    }

    Optional<AccessTokenGrant> accessToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(token));
    }

    /**
     * The token's grant while a resource server should accept it: issued here, not expired, and issued after the
     * account's grants were last revoked (as Exchange Online checks with continuous access evaluation).
     */
    Optional<AccessTokenGrant> activeAccessToken(String token) {
        Instant now = Instant.now();
        return accessToken(token)
                .filter(grant -> grant.validAt(now))
                .filter(grant -> grant.email() == null
                        || Optional.ofNullable(tokensValidFrom.get(grant.email().toLowerCase()))
                                .map(validFrom ->
                                        accessTokensIssuedAt.get(token).isAfter(validFrom))
                                .orElse(true));
    }

    Set<String> validAccessTokens() {
        Instant now = Instant.now();
        return accessTokens.entrySet().stream()
                .filter(entry -> entry.getValue().validAt(now))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    void expireAccessTokens() {
        Instant past = Instant.now().minusSeconds(1);
        accessTokens.replaceAll((token, grant) -> new AccessTokenGrant(
                grant.clientId(), grant.tenantId(), grant.email(), grant.oid(), grant.scope(), past));
    }

    /** Like an admin's "revoke sessions": every grant issued to the account before now stops working. */
    void revokeGrants(String email) {
        tokensValidFrom.put(email.toLowerCase(), Instant.now());
        revocationListeners.forEach(listener -> listener.accept(email));
    }

    void onGrantsRevoked(java.util.function.Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    Optional<Instant> tokensValidFrom(Directory.Account account) {
        return Optional.ofNullable(tokensValidFrom.get(account.email().toLowerCase()));
    }
}
