package com.m365console.mailbox;

import com.m365console.microsoft.MicrosoftErrors;
import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.settings.MicrosoftAppToken;
import com.m365console.settings.MicrosoftCredentials;
import com.m365console.settings.MicrosoftSettingsService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps mailbox tokens alive: hands out a valid access token per resource (Exchange Online or Graph), refreshing
 * it ahead of expiry under the mailbox's row lock (one refresh per mailbox at a time, across instances) with that
 * resource's scopes, and saving the rotated refresh token every time. Only a refresh takes the lock: a use of a
 * token that is still good never waits for one. A grant Microsoft refuses for good moves the mailbox to
 * NEEDS_REAUTH; outages are retried. A mailbox reached with the application's own permission has no refresh token:
 * its app-only Graph token is asked for anew with the registration's credential (client credentials), and a refusal
 * moves it to ACCESS_REFUSED with advice on the registration, since reconnecting would not help.
 */
@Service
public class MailboxTokens {

    private static final Logger log = LoggerFactory.getLogger(MailboxTokens.class);
    /** OAuth errors that no retry will cure: the user must reconnect (or the admin fix the registration). */
    private static final Set<String> PERMANENT = Set.of(
            "invalid_grant",
            "interaction_required",
            "consent_required",
            "login_required",
            "invalid_client",
            "unauthorized_client",
            "invalid_scope");
    /** While another caller refreshes, a token with at least this much life left is handed out instead of waiting. */
    private static final Duration STILL_USABLE = Duration.ofMinutes(1);

    private final MailboxTokenRepository tokens;
    private final MailboxRepository mailboxes;
    private final MailboxOAuthClient oauth;
    private final MicrosoftSettingsService settings;
    private final SecretCipher cipher;
    private final TransactionalOperator transaction;
    private final Duration refreshAhead;
    private final Duration retryBackoff;
    private final Duration refreshTimeout;
    private final MeterRegistry meters;
    private final MicrosoftAppToken appToken;

    MailboxTokens(
            MailboxTokenRepository tokens,
            MailboxRepository mailboxes,
            MailboxOAuthClient oauth,
            MicrosoftSettingsService settings,
            SecretCipher cipher,
            TransactionalOperator transaction,
            @Value("${m365.mailbox.refresh-ahead:PT5M}") Duration refreshAhead,
            @Value("${m365.mailbox.refresh-retry-backoff:PT0.5S}") Duration retryBackoff,
            @Value("${m365.mailbox.refresh-timeout:PT20S}") Duration refreshTimeout,
            MeterRegistry meters,
            MicrosoftAppToken appToken) {
        this.tokens = tokens;
        this.mailboxes = mailboxes;
        this.oauth = oauth;
        this.settings = settings;
        this.cipher = cipher;
        this.transaction = transaction;
        this.refreshAhead = refreshAhead;
        this.retryBackoff = retryBackoff;
        this.refreshTimeout = refreshTimeout;
        this.meters = meters;
        this.appToken = appToken;
    }

    /** A valid Exchange Online (IMAP and SMTP) access token for the mailbox, refreshed first when it expires soon. */
    public Mono<String> accessToken(UUID mailboxId) {
        return accessToken(mailboxId, MailResource.OUTLOOK);
    }

    /** A valid access token of the mailbox for the resource, refreshed first when it expires soon. */
    public Mono<String> accessToken(UUID mailboxId, MailResource resource) {
        return access(mailboxId, resource).map(MailboxAccessToken::value);
    }

    /** A valid Microsoft Graph access token for a mailbox connected over Graph. */
    public Mono<String> graphAccessToken(UUID mailboxId) {
        return accessToken(mailboxId, MailResource.GRAPH);
    }

    /** As {@link #accessToken(UUID)}, with the token's expiry, for a connection that must log in again before it. */
    public Mono<MailboxAccessToken> access(UUID mailboxId) {
        return access(mailboxId, MailResource.OUTLOOK);
    }

    /**
     * As {@link #accessToken(UUID, MailResource)}, with the token's expiry. A grant that holds no token for the
     * resource (the mailbox uses the other transport) fails at once: Microsoft is not asked for what it was never
     * granted.
     */
    public Mono<MailboxAccessToken> access(UUID mailboxId, MailResource resource) {
        return tokens.find(mailboxId, resource)
                .switchIfEmpty(Mono.error(MailboxTokens::notConnected))
                .flatMap(stored -> {
                    if (stored.access() == null) {
                        return Mono.error(otherTransport(resource));
                    }
                    return fresh(stored)
                            ? Mono.just(current(mailboxId, resource, stored))
                            : renewed(mailboxId, resource, stored);
                });
    }

    /**
     * Refreshes under the row lock. When another caller holds it (a refresh under way), a token still usable is
     * handed out at once; only a caller whose token has (nearly) run out waits for the refresh and takes its result.
     */
    private Mono<MailboxAccessToken> renewed(
            UUID mailboxId, MailResource resource, MailboxTokenRepository.StoredTokens seen) {
        boolean usable =
                seen.accessExpiresAt().toInstant().isAfter(Instant.now().plus(STILL_USABLE));
        Mono<TokenResult> locked = tokens.tryLock(mailboxId, resource)
                .map(stored -> refreshIfDue(mailboxId, resource, stored))
                .switchIfEmpty(Mono.fromSupplier(() -> usable
                        ? Mono.just(TokenResult.ok(current(mailboxId, resource, seen)))
                        : tokens.lock(mailboxId, resource)
                                .flatMap(stored -> refreshIfDue(mailboxId, resource, stored))))
                .flatMap(result -> result)
                .defaultIfEmpty(TokenResult.failed(notConnected()));
        return transaction.transactional(locked).flatMap(TokenResult::toMono);
    }

    private Mono<TokenResult> refreshIfDue(
            UUID mailboxId, MailResource resource, MailboxTokenRepository.StoredTokens stored) {
        if (stored.access() == null) {
            return Mono.just(TokenResult.failed(otherTransport(resource)));
        }
        return fresh(stored)
                ? Mono.just(TokenResult.ok(current(mailboxId, resource, stored)))
                : refresh(mailboxId, resource, stored);
    }

    private boolean fresh(MailboxTokenRepository.StoredTokens stored) {
        return stored.accessExpiresAt().toInstant().isAfter(Instant.now().plus(refreshAhead));
    }

    private MailboxAccessToken current(
            UUID mailboxId, MailResource resource, MailboxTokenRepository.StoredTokens stored) {
        return new MailboxAccessToken(
                decrypt(stored.access(), mailboxId, accessKind(resource)),
                stored.accessExpiresAt().toInstant());
    }

    private static MailboxUnavailableException notConnected() {
        return new MailboxUnavailableException(
                MailboxUnavailableException.Reason.NOT_CONNECTED, "The mailbox is not connected: connect it again.");
    }

    private static MailboxUnavailableException otherTransport(MailResource resource) {
        MailTransport other = resource == MailResource.GRAPH ? MailTransport.IMAP : MailTransport.GRAPH;
        MailTransport wanted = resource == MailResource.GRAPH ? MailTransport.GRAPH : MailTransport.IMAP;
        return new MailboxUnavailableException(
                MailboxUnavailableException.Reason.NOT_CONNECTED,
                "The mailbox is connected over " + other.label() + ", not " + wanted.label()
                        + ": reconnect it choosing " + wanted.label() + " to use it so.");
    }

    /**
     * A new Exchange Online access token after the mail server refused {@code refused}; see
     * {@link #refreshRefused(UUID, MailResource, MailboxAccessToken)}.
     */
    public Mono<MailboxAccessToken> refreshRefused(UUID mailboxId, MailboxAccessToken refused) {
        return refreshRefused(mailboxId, MailResource.OUTLOOK, refused);
    }

    /**
     * A new access token after the resource refused {@code refused} although its stored expiry is still ahead
     * (Microsoft ended it early). Under the same row lock as {@link #access(UUID, MailResource)}: when another caller
     * has already replaced the refused token, its replacement is answered, and when its renewal was refused for good,
     * that refusal; Microsoft is not asked again.
     */
    public Mono<MailboxAccessToken> refreshRefused(UUID mailboxId, MailResource resource, MailboxAccessToken refused) {
        Mono<TokenResult> locked = tokens.lock(mailboxId, resource)
                .zipWith(mailboxes.find(mailboxId))
                .flatMap(both -> {
                    MailboxTokenRepository.StoredTokens stored = both.getT1();
                    if (both.getT2().state() == MailboxState.NEEDS_REAUTH) {
                        return Mono.just(TokenResult.failed(new MailboxUnavailableException(
                                MailboxUnavailableException.Reason.NEEDS_REAUTH,
                                both.getT2().lastError())));
                    }
                    if (stored.access() == null) {
                        return Mono.just(TokenResult.failed(otherTransport(resource)));
                    }
                    boolean replaced = !MessageDigest.isEqual(
                            decrypt(stored.access(), mailboxId, accessKind(resource))
                                    .getBytes(StandardCharsets.UTF_8),
                            refused.value().getBytes(StandardCharsets.UTF_8));
                    return replaced && fresh(stored)
                            ? Mono.just(TokenResult.ok(current(mailboxId, resource, stored)))
                            : refresh(mailboxId, resource, stored);
                })
                .defaultIfEmpty(TokenResult.failed(notConnected()));
        return transaction.transactional(locked).flatMap(TokenResult::toMono);
    }

    /**
     * Renews the resource's access token now, under the row lock, whatever its expiry, and answers it with the scopes
     * Microsoft's token response says it carries: what the grant still holds, learnt without using the token (a
     * connection check asks whether sending is granted so, without sending). Fails as a renewal does.
     */
    public Mono<MailboxAccessToken> renewNow(UUID mailboxId, MailResource resource) {
        Mono<TokenResult> locked = tokens.lock(mailboxId, resource)
                .flatMap(stored -> stored.access() == null
                        ? Mono.just(TokenResult.failed(otherTransport(resource)))
                        : refresh(mailboxId, resource, stored))
                .defaultIfEmpty(TokenResult.failed(notConnected()));
        return transaction.transactional(locked).flatMap(TokenResult::toMono);
    }

    /**
     * Stores the tokens of a fresh grant (connection or reconnection) for the resource it was consented for; an
     * access token of the other resource, from the grant this one replaces, is dropped.
     */
    Mono<Void> store(UUID mailboxId, MailResource resource, OAuth2AccessTokenResponse response) {
        OAuth2AccessToken access = response.getAccessToken();
        return tokens.saveGrant(
                mailboxId,
                resource,
                cipher.encrypt(access.getTokenValue(), purpose(mailboxId, accessKind(resource))),
                expiry(access),
                encryptedRefresh(mailboxId, response));
    }

    /**
     * Stores the app-only Graph token of a mailbox connected with the application's permission, replacing whatever
     * grant it had (a delegate's refresh token is dropped: it no longer reaches the mailbox).
     */
    Mono<Void> storeApplication(UUID mailboxId, String accessToken, Instant expiresAt) {
        return tokens.delete(mailboxId)
                .then(tokens.saveGrant(
                        mailboxId,
                        MailResource.GRAPH,
                        cipher.encrypt(accessToken, purpose(mailboxId, accessKind(MailResource.GRAPH))),
                        expiresAt.atOffset(ZoneOffset.UTC),
                        null));
    }

    private EncryptedValue encryptedRefresh(UUID mailboxId, OAuth2AccessTokenResponse response) {
        return response.getRefreshToken() == null
                ? null
                : cipher.encrypt(response.getRefreshToken().getTokenValue(), purpose(mailboxId, "refresh"));
    }

    Mono<Void> delete(UUID mailboxId) {
        return tokens.delete(mailboxId);
    }

    /**
     * Refreshes, ahead of use, the access tokens that expire within the refresh-ahead time (or have expired), one
     * mailbox after the other, each for its transport's resource; a mailbox whose refresh is already under way
     * elsewhere is left to it.
     */
    @Scheduled(
            fixedDelayString = "${m365.mailbox.refresh-check-interval:PT1M}",
            initialDelayString = "${m365.mailbox.refresh-check-interval:PT1M}")
    public Mono<Void> refreshExpiringTokens() {
        return tokens.expiringBefore(OffsetDateTime.now().plus(refreshAhead))
                .concatMap(due -> refreshAheadOfExpiry(due.mailboxId(), due.resource()))
                .onErrorResume(ex -> {
                    log.warn("Could not look for mailbox access tokens to refresh: {}", ex.toString());
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> refreshAheadOfExpiry(UUID mailboxId, MailResource resource) {
        Mono<TokenResult> locked = tokens.tryLock(mailboxId, resource)
                .flatMap(stored ->
                        stored.access() == null || fresh(stored) ? Mono.empty() : refresh(mailboxId, resource, stored));
        return transaction
                .transactional(locked)
                .flatMap(TokenResult::toMono)
                .doOnNext(token -> log.info(
                        "Refreshed the access token of mailbox {} ahead of expiry ({}); it now expires at {}",
                        mailboxId,
                        resource,
                        token.expiresAt()))
                .doOnError(ex -> log.warn(
                        "Could not refresh the access token of mailbox {} ahead of expiry ({}): {}",
                        mailboxId,
                        resource,
                        ex.getMessage()))
                .onErrorResume(ex -> Mono.empty())
                .then();
    }

    /** Asks Microsoft for a new access token of the resource, with its scopes; saves it and the rotated refresh token. */
    private Mono<TokenResult> refresh(
            UUID mailboxId, MailResource resource, MailboxTokenRepository.StoredTokens stored) {
        if (stored.grant() == MailboxGrant.APPLICATION) {
            return renewWithAppCredential(mailboxId, resource);
        }
        if (stored.refresh() == null) {
            counted(resource, "refused");
            return needsReauth(
                    mailboxId,
                    "Microsoft gave no refresh token (was offline_access granted?): reconnect " + "the mailbox.");
        }
        OAuth2AccessToken current = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                decrypt(stored.access(), mailboxId, accessKind(resource)),
                null,
                stored.accessExpiresAt().toInstant());
        String refreshToken = decrypt(stored.refresh(), mailboxId, "refresh");
        return settings.credentials()
                .filter(MicrosoftCredentials::usable)
                .flatMap(credentials -> oauth.refresh(credentials, resource, stored.kind(), current, refreshToken)
                        .timeout(refreshTimeout))
                .retryWhen(Retry.backoff(2, retryBackoff)
                        .filter(ex -> !permanent(ex))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .flatMap(response -> tokens.saveRenewal(
                                mailboxId,
                                resource,
                                cipher.encrypt(
                                        response.getAccessToken().getTokenValue(),
                                        purpose(mailboxId, accessKind(resource))),
                                expiry(response.getAccessToken()),
                                encryptedRefresh(mailboxId, response))
                        .thenReturn(TokenResult.ok(new MailboxAccessToken(
                                response.getAccessToken().getTokenValue(),
                                expiry(response.getAccessToken()).toInstant(),
                                response.getAccessToken().getScopes()))))
                .doOnNext(renewed -> counted(resource, "succeeded"))
                .doOnError(ex -> counted(resource, permanent(ex) ? "refused" : "failed"))
                .onErrorResume(ex -> permanent(ex)
                        ? needsReauth(mailboxId, describe(ex))
                        : Mono.just(TokenResult.failed(new MailboxUnavailableException(
                                MailboxUnavailableException.Reason.MICROSOFT_UNAVAILABLE,
                                "Microsoft did not renew the mailbox's access now (" + describe(ex) + "); the "
                                        + "mailbox stays connected and the renewal is tried again."))));
    }

    /** A new app-only token with the registration's credential; what Microsoft refuses is the registration's to fix. */
    private Mono<TokenResult> renewWithAppCredential(UUID mailboxId, MailResource resource) {
        return settings.credentials()
                .filter(MicrosoftCredentials::usable)
                .flatMap(appToken::request)
                .flatMap(result -> {
                    if (result.accessToken() != null) {
                        counted(resource, "succeeded");
                        OffsetDateTime expiresAt = result.expiresAt().atOffset(ZoneOffset.UTC);
                        return tokens.saveRenewal(
                                        mailboxId,
                                        resource,
                                        cipher.encrypt(result.accessToken(), purpose(mailboxId, accessKind(resource))),
                                        expiresAt,
                                        null)
                                .thenReturn(TokenResult.ok(
                                        new MailboxAccessToken(result.accessToken(), result.expiresAt())));
                    }
                    if (result.refusal() != null) {
                        counted(resource, "refused");
                        return appRefused(mailboxId, result.refusal().message());
                    }
                    counted(resource, "failed");
                    return Mono.just(TokenResult.failed(new MailboxUnavailableException(
                            MailboxUnavailableException.Reason.MICROSOFT_UNAVAILABLE,
                            "Microsoft did not issue the application's token now (" + result.failure() + "); the "
                                    + "mailbox stays connected and the renewal is tried again.")));
                })
                .defaultIfEmpty(TokenResult.failed(new MailboxUnavailableException(
                        MailboxUnavailableException.Reason.NOT_CONNECTED,
                        "The Microsoft application registration is not set up (Settings > Microsoft), so the "
                                + "application's permission cannot reach the mailbox.")));
    }

    private Mono<TokenResult> appRefused(UUID mailboxId, String refusal) {
        String advice = "Mail access refused: Microsoft no longer issues the application's own token for this "
                + "mailbox (" + refusal + "). Check the registration's credential (secret or certificate) in "
                + "Settings > Microsoft and that the application permissions Mail.ReadWrite and Mail.Send have "
                + "admin consent in Microsoft Entra ID (App registrations > API permissions); then use Check "
                + "connection.";
        log.info("Mailbox {}: Microsoft refused the application's token", mailboxId);
        return mailboxes
                .refuseAccess(mailboxId, MailboxLogin.Protocol.GRAPH, advice)
                .thenReturn(TokenResult.failed(new GraphAccessRefusedException(advice)));
    }

    /** Renewals by outcome (succeeded; refused for good: NEEDS_REAUTH; failed for now), for Prometheus. */
    private void counted(MailResource resource, String outcome) {
        meters.counter(
                        "m365.mailbox.token.refreshes",
                        "outcome",
                        outcome,
                        "resource",
                        resource.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    private Mono<TokenResult> needsReauth(UUID mailboxId, String message) {
        log.info("Mailbox {} needs to be reconnected: {}", mailboxId, message);
        return mailboxes
                .setState(mailboxId, MailboxState.NEEDS_REAUTH, message)
                .thenReturn(TokenResult.failed(
                        new MailboxUnavailableException(MailboxUnavailableException.Reason.NEEDS_REAUTH, message)));
    }

    private static boolean permanent(Throwable ex) {
        return ex instanceof OAuth2AuthorizationException oauth
                && PERMANENT.contains(oauth.getError().getErrorCode());
    }

    private static String describe(Throwable ex) {
        if (ex instanceof OAuth2AuthorizationException oauth) {
            return MicrosoftErrors.describe(
                            oauth.getError().getErrorCode(), oauth.getError().getDescription())
                    .message();
        }
        return ex.getClass().getSimpleName();
    }

    private String decrypt(EncryptedValue value, UUID mailboxId, String kind) {
        return cipher.decrypt(value, purpose(mailboxId, kind));
    }

    /** Outlook's access token keeps the purpose it always had; Graph's has its own. */
    private static String accessKind(MailResource resource) {
        return resource == MailResource.GRAPH ? "graph_access" : "access";
    }

    private static String purpose(UUID mailboxId, String kind) {
        return "mailbox_token." + kind + ":" + mailboxId;
    }

    private static OffsetDateTime expiry(OAuth2AccessToken access) {
        Instant expiresAt = access.getExpiresAt() == null ? Instant.now().plusSeconds(3600) : access.getExpiresAt();
        return expiresAt.atOffset(ZoneOffset.UTC);
    }

    /** What happened inside the locked transaction, so a state change (NEEDS_REAUTH...) commits before the error. */
    private record TokenResult(MailboxAccessToken accessToken, RuntimeException failure) {
        static TokenResult ok(MailboxAccessToken token) {
            return new TokenResult(token, null);
        }

        static TokenResult failed(RuntimeException failure) {
            return new TokenResult(null, failure);
        }

        Mono<MailboxAccessToken> toMono() {
            return failure == null ? Mono.just(accessToken) : Mono.error(failure);
        }
    }
}
