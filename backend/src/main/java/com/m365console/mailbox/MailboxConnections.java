package com.m365console.mailbox;

import com.m365console.microsoft.MicrosoftAccountAddress;
import com.m365console.microsoft.MicrosoftError;
import com.m365console.microsoft.MicrosoftErrors;
import com.m365console.microsoft.MicrosoftUnreachable;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import com.m365console.settings.MicrosoftCredentials;
import com.m365console.settings.MicrosoftSettings;
import com.m365console.settings.MicrosoftSettingsService;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Connecting a mailbox over OAuth 2: "Connect" creates a pending connection in the user's session and
 * Microsoft's consent URL; the redirect back (the same Redirect URI as sign-in) is matched to it by state,
 * the code is exchanged with PKCE, the ID token says whose mailbox it is, and the tokens are stored encrypted for
 * the chosen transport's resource; a reconnection may switch the transport, keeping the mailbox and its mail.
 */
@Service
class MailboxConnections {

    private static final Logger log = LoggerFactory.getLogger(MailboxConnections.class);
    static final String PENDING = MailboxConnections.class.getName() + ".pending";
    static final String OUTCOME = MailboxConnections.class.getName() + ".outcome";
    private static final Duration PENDING_FOR = Duration.ofMinutes(15);
    private static final int MAX_PENDING = 5;

    private final SecureRandom random = new SecureRandom();
    private final MicrosoftSettingsService settings;
    private final MailboxOAuthClient oauth;
    private final MailboxTokens tokens;
    private final MailboxRepository mailboxes;
    private final AuditEvents audit;

    MailboxConnections(
            MicrosoftSettingsService settings,
            MailboxOAuthClient oauth,
            MailboxTokens tokens,
            MailboxRepository mailboxes,
            AuditEvents audit) {
        this.settings = settings;
        this.oauth = oauth;
        this.tokens = tokens;
        this.mailboxes = mailboxes;
        this.audit = audit;
    }

    Mono<StartMailboxConnectionPayload> start(
            Actor actor, StartMailboxConnectionInput input, String redirectUri, WebSession session) {
        MailboxKind kind = input.kind() == null ? MailboxKind.PERSONAL : input.kind();
        if (kind == MailboxKind.SYSTEM && !actor.admin()) {
            return Mono.just(StartMailboxConnectionPayload.refused(
                    "kind", UserErrorCode.PRECONDITION_FAILED, "Only administrators connect system mailboxes."));
        }
        String shared = input.sharedAddress() == null
                ? null
                : input.sharedAddress().trim().toLowerCase(Locale.ROOT);
        if (kind == MailboxKind.SYSTEM
                && input.mailboxId() == null
                && (shared == null || !shared.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            return Mono.just(StartMailboxConnectionPayload.refused(
                    "sharedAddress",
                    UserErrorCode.INVALID_FORMAT,
                    "Enter the shared mailbox's address, such as support@contoso.com."));
        }
        Mono<MailboxView> reconnect = input.mailboxId() == null
                ? Mono.empty()
                : mailboxes.find(input.mailboxId()).filter(actor::maySee);
        return settings.current().flatMap(current -> {
            if (!current.credentialsComplete() || !current.emailSyncEnabled().value()) {
                return Mono.just(StartMailboxConnectionPayload.refused(
                        null,
                        UserErrorCode.PRECONDITION_FAILED,
                        "Mailbox connection is not available: an administrator must complete Microsoft Settings and "
                                + "enable Emails Sync."));
            }
            return reconnect
                    .map(mailbox -> pending(
                            actor,
                            new Connecting(
                                    mailbox.kind(),
                                    mailbox.kind() == MailboxKind.SYSTEM ? mailbox.address() : null,
                                    mailbox.id(),
                                    input.transport() == null ? mailbox.transport() : input.transport()),
                            redirectUri,
                            current,
                            session,
                            mailbox.address()))
                    .switchIfEmpty(Mono.defer(() -> input.mailboxId() != null
                            ? Mono.just(StartMailboxConnectionPayload.refused(
                                    "mailboxId", UserErrorCode.NOT_FOUND, "You have no mailbox with this id."))
                            : Mono.just(pending(
                                    actor,
                                    new Connecting(
                                            kind,
                                            shared,
                                            null,
                                            input.transport() == null ? MailTransport.IMAP : input.transport()),
                                    redirectUri,
                                    current,
                                    session,
                                    null))));
        });
    }

    /** Completes the connection Microsoft redirected back for; answers where to send the browser. */
    Mono<String> complete(PendingMailboxConnection pending, Map<String, String> callback, WebSession session) {
        Mono<MailboxConnectionResult> result;
        if (callback.containsKey("error")) {
            result = Mono.just(MailboxConnectionResult.failed(
                    MicrosoftErrors.describe(callback.get("error"), callback.get("error_description"))));
        } else if (pending.createdAt().plus(PENDING_FOR).isBefore(Instant.now()) || callback.get("code") == null) {
            result = Mono.just(
                    MailboxConnectionResult.failed(MicrosoftErrors.describe("authorization_request_not_found", null)));
        } else {
            result = settings.credentials()
                    .filter(MicrosoftCredentials::usable)
                    .flatMap(credentials -> redeem(pending, callback.get("code"), credentials))
                    .onErrorResume(
                            OAuth2AuthorizationException.class,
                            ex -> Mono.just(MailboxConnectionResult.failed(MicrosoftErrors.describe(
                                    ex.getError().getErrorCode(), ex.getError().getDescription()))))
                    .onErrorResume(MicrosoftUnreachable::is, ex -> {
                        log.info("Mailbox connection failed: {}", ex.toString());
                        return Mono.just(MailboxConnectionResult.failed(MicrosoftUnreachable.error(ex)));
                    })
                    .onErrorResume(JwtException.class, ex -> {
                        log.info("Mailbox connection refused Microsoft's ID token: {}", ex.getMessage());
                        return Mono.just(
                                MailboxConnectionResult.failed(MicrosoftErrors.describe("invalid_id_token", null)));
                    })
                    .switchIfEmpty(Mono.fromSupplier(() -> fail(
                            "not_configured",
                            "Mailbox connection is not available: an administrator must complete Microsoft Settings "
                                    + "and enter the client secret.")));
        }
        return result.map(outcome -> {
            session.getAttributes().put(OUTCOME, outcome);
            return pending.kind() == MailboxKind.SYSTEM
                    ? "/system/mailboxes?connection=done"
                    : "/mailboxes?connection=done";
        });
    }

    /** A callback no pending connection of this session answers: the Mailboxes page says to connect again. */
    String unmatched(WebSession session) {
        session.getAttributes()
                .put(
                        OUTCOME,
                        fail(
                                "authorization_request_not_found",
                                "Microsoft's answer does not match a sign-in or mailbox connection started in this "
                                        + "browser (it expired, was already used, or began elsewhere). To connect a "
                                        + "mailbox, press Connect again."));
        return "/mailboxes?connection=done";
    }

    private Mono<MailboxConnectionResult> redeem(
            PendingMailboxConnection pending, String code, MicrosoftCredentials credentials) {
        return oauth.exchange(credentials, pending, code).flatMap(response -> {
            Object idToken = response.getAdditionalParameters().get("id_token");
            if (!(idToken instanceof String token)) {
                return Mono.just(fail("missing_id_token", "Microsoft sent no ID token; is openid among the scopes?"));
            }
            return oauth.idToken(credentials, token).flatMap(jwt -> save(pending, response, jwt));
        });
    }

    private Mono<MailboxConnectionResult> save(
            PendingMailboxConnection pending, OAuth2AccessTokenResponse response, Jwt idToken) {
        if (!pending.nonce().equals(idToken.getClaimAsString("nonce"))) {
            return Mono.just(MailboxConnectionResult.failed(MicrosoftErrors.describe("invalid_nonce", null)));
        }
        String signedIn = MicrosoftAccountAddress.of(idToken);
        if (signedIn == null) {
            return Mono.just(fail("missing_claims", "Microsoft did not say which mailbox the account has."));
        }
        String address = pending.kind() == MailboxKind.SYSTEM ? pending.sharedAddress() : signedIn;
        Mono<Target> target;
        if (pending.reconnectMailboxId() != null) {
            target = mailboxes
                    .find(pending.reconnectMailboxId())
                    .flatMap(existing -> existing.address().equalsIgnoreCase(address)
                            ? Mono.just(new Target(existing.id(), true))
                            : Mono.error(new MailboxMismatch(signedIn, existing.address())));
        } else {
            UUID owner = pending.kind() == MailboxKind.SYSTEM ? null : pending.actorId();
            target = mailboxes
                    .findIdByAddress(pending.kind(), owner, address)
                    .map(id -> new Target(id, true))
                    .switchIfEmpty(Mono.defer(() ->
                            mailboxes.insert(pending.kind(), owner, address).map(id -> new Target(id, false))));
        }
        return target.flatMap(mailbox -> tokens.store(
                                mailbox.id(), pending.transport().resource(), response)
                        .then(mailboxes.markConnected(
                                mailbox.id(),
                                pending.transport(),
                                pending.actorId(),
                                idToken.getClaimAsString("tid"),
                                idToken.getClaimAsString("oid")))
                        .then(mailboxes.find(mailbox.id()))
                        .flatMap(connected -> audit.record(AuditEvent.by(
                                        mailbox.existed()
                                                ? AuditEvent.MAILBOX_RECONNECTED
                                                : AuditEvent.MAILBOX_CONNECTED,
                                        pending.actorId(),
                                        MailboxService.auditDetails(connected)))
                                .thenReturn(connected)))
                .map(MailboxConnectionResult::connected)
                .onErrorResume(MailboxMismatch.class, ex -> Mono.just(fail("mailbox_mismatch", ex.getMessage())));
    }

    /** The mailbox a consent is stored for, and whether it was there before (a reconnection). */
    private record Target(UUID id, boolean existed) {}

    /** What a connection is started for: the kind, a shared address, the mailbox to reconnect, the transport. */
    private record Connecting(MailboxKind kind, String sharedAddress, UUID reconnectId, MailTransport transport) {}

    @SuppressWarnings("unchecked")
    private StartMailboxConnectionPayload pending(
            Actor actor,
            Connecting connecting,
            String redirectUri,
            MicrosoftSettings current,
            WebSession session,
            String loginHint) {
        String verifier = randomToken();
        var pending = new PendingMailboxConnection(
                randomToken(),
                verifier,
                randomToken(),
                redirectUri,
                actor.id(),
                connecting.kind(),
                connecting.sharedAddress(),
                connecting.reconnectId(),
                Instant.now(),
                connecting.transport());
        var all = (Map<String, PendingMailboxConnection>) session.getAttributes()
                .computeIfAbsent(PENDING, key -> new ConcurrentHashMap<String, PendingMailboxConnection>());
        all.values().removeIf(old -> old.createdAt().plus(PENDING_FOR).isBefore(Instant.now()));
        if (all.size() >= MAX_PENDING) {
            all.clear();
        }
        all.put(pending.state(), pending);
        String hint = connecting.kind() == MailboxKind.SYSTEM ? null : loginHint;
        return new StartMailboxConnectionPayload(
                oauth.authorizationUrl(current, pending, challenge(verifier), hint), List.of());
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static MailboxConnectionResult fail(String code, String message) {
        return MailboxConnectionResult.failed(MicrosoftError.local(code, message));
    }

    /** The account that consented is not the one of the mailbox being reconnected. */
    private static final class MailboxMismatch extends RuntimeException {
        MailboxMismatch(String signedIn, String expected) {
            super("You signed in at Microsoft as " + signedIn + ", but this mailbox is " + expected
                    + ": reconnect with that account.");
        }
    }

    /** Schema type {@code MailboxConnectionResult}. */
    record MailboxConnectionResult(MailboxView mailbox, MicrosoftError error) implements Serializable {
        static MailboxConnectionResult connected(MailboxView mailbox) {
            return new MailboxConnectionResult(mailbox, null);
        }

        static MailboxConnectionResult failed(MicrosoftError error) {
            return new MailboxConnectionResult(null, error);
        }
    }
}
