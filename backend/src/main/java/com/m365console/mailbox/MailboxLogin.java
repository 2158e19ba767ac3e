package com.m365console.mailbox;

import com.m365console.mail.MailFailure;
import com.m365console.mail.MailServerException;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs an operation that logs in to a mailbox's mail server with its access token by the rule "refuse, refresh,
 * retry": when the server refuses the token (Microsoft ended it before its stored expiry), the token is renewed once
 * under the mailbox's row lock and the operation runs again. If Microsoft refuses the renewal, the mailbox needs
 * reconnecting ({@link MailboxTokens}); if the server refuses the renewed token too, the mailbox's mail access is
 * refused (ACCESS_REFUSED, with advice for that case), until a login over that protocol works again.
 */
@Component
public class MailboxLogin {

    /**
     * The mail protocol an operation logs in with; a refusal and its cure are counted per protocol. A mailbox over
     * Microsoft Graph counts reading ({@code GRAPH}) and sending ({@code GRAPH_SEND}) apart, as IMAP and SMTP are.
     */
    public enum Protocol {
        IMAP,
        SMTP,
        GRAPH,
        GRAPH_SEND
    }

    private static final Logger log = LoggerFactory.getLogger(MailboxLogin.class);

    private final MailboxTokens tokens;
    private final MailboxRepository mailboxes;

    MailboxLogin(MailboxTokens tokens, MailboxRepository mailboxes) {
        this.tokens = tokens;
        this.mailboxes = mailboxes;
    }

    /**
     * The login's result. Fails with {@link MailboxUnavailableException} when no token can be had, with a
     * TOKEN_REFUSED {@link MailServerException} carrying the advice when mail access is refused, and with the login's
     * other failures as they are.
     */
    public <T> Mono<T> run(UUID mailboxId, Protocol protocol, Function<MailboxAccessToken, Mono<T>> login) {
        Mono<T> attempts = tokens.access(mailboxId)
                .flatMap(token -> login.apply(token)
                        .onErrorResume(
                                MailboxLogin::tokenRefused,
                                refused -> renewAndRetry(mailboxId, protocol, token, login)));
        Mono<Void> restore = mailboxes.restoreAccess(mailboxId, protocol);
        return attempts.flatMap(value -> restore.thenReturn(value)).switchIfEmpty(restore.then(Mono.empty()));
    }

    private <T> Mono<T> renewAndRetry(
            UUID mailboxId,
            Protocol protocol,
            MailboxAccessToken refused,
            Function<MailboxAccessToken, Mono<T>> login) {
        log.info("Mailbox {}: the {} server refused the access token; renewing it once", mailboxId, protocol);
        return tokens.refreshRefused(mailboxId, refused)
                .flatMap(renewed -> login.apply(renewed)
                        .onErrorResume(
                                MailboxLogin::tokenRefused,
                                again -> accessRefused(mailboxId, protocol, (MailServerException) again)));
    }

    private <T> Mono<T> accessRefused(UUID mailboxId, Protocol protocol, MailServerException refused) {
        return mailboxes
                .find(mailboxId)
                .flatMap(mailbox -> {
                    String advice = advice(mailbox, protocol, refused.getMessage());
                    log.info("Mailbox {}: mail access refused over {} with a renewed token", mailboxId, protocol);
                    return mailboxes
                            .refuseAccess(mailboxId, protocol, advice)
                            .then(Mono.<T>error(new MailServerException(MailFailure.TOKEN_REFUSED, advice)));
                })
                .switchIfEmpty(Mono.error(refused));
    }

    /** What to fix when Microsoft issues tokens but the mail server refuses them (SPEC section 6, last row). */
    static String advice(MailboxView mailbox, Protocol protocol, String serverAnswer) {
        boolean shared = mailbox.kind() == MailboxKind.SYSTEM;
        String app = protocol == Protocol.IMAP ? "IMAP" : "Authenticated SMTP";
        String scope = protocol == Protocol.IMAP ? "IMAP.AccessAsUser.All" : "SMTP.Send";
        return "Mail access refused: Microsoft renewed the sign-in, but the " + protocol + " server still refuses "
                + mailbox.address() + ". " + app + " may be disabled for this mailbox (Exchange admin center > "
                + "Mailboxes > the mailbox > Manage email apps: " + app
                + (protocol == Protocol.SMTP ? ", and not turned off for the whole organisation" : "")
                + "), or the application lacks the "
                + scope + " permission (an admin grants it in Azure, then reconnect)"
                + (shared
                        ? ", or the delegate account it was connected through has no "
                                + (protocol == Protocol.IMAP ? "Full Access" : "Send As")
                                + " permission on this shared mailbox"
                        : "")
                + ". After fixing it, use Check connection. " + serverAnswer;
    }

    private static boolean tokenRefused(Throwable failure) {
        return failure instanceof MailServerException refused && refused.failure() == MailFailure.TOKEN_REFUSED;
    }
}
