package com.m365console.mailbox;

import com.m365console.graph.GraphException;
import com.m365console.graph.GraphFailure;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs a Microsoft Graph call of a mailbox with its Graph access token by the IMAP path's rule "refuse, refresh,
 * retry": on {@code InvalidAuthenticationToken} the token is renewed once under the row lock and the call runs once
 * more. When Graph still refuses the renewed token, or denies the mailbox ({@code ErrorAccessDenied},
 * {@code ErrorSendAsDenied}, {@code MailboxNotEnabledForRESTAPI}), the mailbox's access is refused (ACCESS_REFUSED,
 * per use: reading or sending) with advice, until such a call works again.
 */
@Component
public class GraphLogin {

    private static final Logger log = LoggerFactory.getLogger(GraphLogin.class);

    private final MailboxTokens tokens;
    private final MailboxRepository mailboxes;

    GraphLogin(MailboxTokens tokens, MailboxRepository mailboxes) {
        this.tokens = tokens;
        this.mailboxes = mailboxes;
    }

    /**
     * The call's result. Fails with {@link MailboxUnavailableException} when no token can be had, with
     * {@link GraphAccessRefusedException} carrying the advice when Graph refuses the mailbox, and with the call's
     * other {@link GraphException}s (throttled, unavailable, invalid request) as they are.
     */
    public <T> Mono<T> run(UUID mailboxId, MailboxLogin.Protocol use, Function<String, Mono<T>> call) {
        Mono<T> attempts = tokens.access(mailboxId, MailResource.GRAPH)
                .flatMap(token -> call.apply(token.value())
                        .onErrorResume(failure -> is(failure, GraphFailure.TOKEN_REFUSED), refused -> {
                            log.info(
                                    "Mailbox {}: Microsoft Graph refused the access token; renewing it once",
                                    mailboxId);
                            return tokens.refreshRefused(mailboxId, MailResource.GRAPH, token)
                                    .flatMap(renewed -> call.apply(renewed.value()));
                        }))
                .onErrorResume(GraphLogin::refusesMailbox, failure -> refuse(mailboxId, use, (GraphException) failure));
        Mono<Void> restore = mailboxes.restoreAccess(mailboxId, use);
        return attempts.flatMap(value -> restore.thenReturn(value)).switchIfEmpty(restore.then(Mono.empty()));
    }

    /**
     * A refusal a synchronisation run met over Graph, recorded as a check's would be: unless Graph only refused the
     * access token, the mailbox's reading is refused (ACCESS_REFUSED) with advice, and the run fails with
     * {@link GraphAccessRefusedException} carrying it; any other failure is passed on as it is.
     */
    public <T> Mono<T> refusedWhileSyncing(UUID mailboxId, Throwable failure) {
        return refusesMailbox(failure)
                ? refuse(mailboxId, MailboxLogin.Protocol.GRAPH, (GraphException) failure)
                : Mono.error(failure);
    }

    private <T> Mono<T> refuse(UUID mailboxId, MailboxLogin.Protocol use, GraphException refused) {
        return mailboxes
                .find(mailboxId)
                .flatMap(mailbox -> {
                    String advice = advice(mailbox, use, refused);
                    log.info("Mailbox {}: Microsoft Graph refused {} ({})", mailboxId, use, refused.code());
                    return mailboxes
                            .refuseAccess(mailboxId, use, advice)
                            .then(Mono.<T>error(new GraphAccessRefusedException(advice)));
                })
                .switchIfEmpty(Mono.error(refused));
    }

    /** What to fix when Graph refuses the mailbox, for reading or sending, own or shared. */
    static String advice(MailboxView mailbox, MailboxLogin.Protocol use, GraphException refused) {
        boolean shared = mailbox.kind() == MailboxKind.SYSTEM;
        boolean sending = use == MailboxLogin.Protocol.GRAPH_SEND;
        String what = (sending ? "sending from " : "reading ") + mailbox.address();
        String advice = switch (refused.failure()) {
            case TOKEN_REFUSED ->
                mailbox.applicationPermission()
                        ? "Microsoft issued the application's token anew, but Microsoft Graph still refuses it for "
                                + what + ": check the registration's credential in Settings > Microsoft and that the "
                                + "application permission " + (sending ? "Mail.Send" : "Mail.ReadWrite")
                                + " has admin consent in Microsoft Entra ID (App registrations > API permissions)."
                        : "Microsoft renewed the sign-in, but Microsoft Graph still refuses the access token for "
                                + what + ": reconnect the mailbox.";
            case MAILBOX_NOT_ENABLED ->
                "Microsoft Graph cannot serve " + mailbox.address() + ": the mailbox is inactive, soft-deleted or "
                        + "hosted on-premises (Exchange Server). Reconnect it choosing IMAP and SMTP, or check its "
                        + "licence and state in the Microsoft 365 admin center.";
            case SEND_AS_DENIED ->
                "Microsoft Graph refused " + what + ": the account it was connected through has no Send As "
                        + "permission on it (Exchange admin center > Mailboxes > the mailbox > Delegation > Send as).";
            default ->
                mailbox.applicationPermission()
                        ? "Microsoft Graph denied " + what + " with the application's own permission. Grant the "
                                + "application permission " + (sending ? "Mail.Send" : "Mail.ReadWrite")
                                + " with admin consent in Microsoft Entra ID (App registrations > the application > API "
                                + "permissions > Microsoft Graph > Application permissions, then Grant admin consent), "
                                + "or, if an application access policy scopes the app, include this mailbox."
                        : "Microsoft Graph denied " + what + ". The application needs the delegated permission "
                                + (sending ? "Mail.Send" : "Mail.ReadWrite")
                                + (shared ? " and " + (sending ? "Mail.Send.Shared" : "Mail.ReadWrite.Shared") : "")
                                + " (an admin grants it in Azure > App registrations > API permissions, then reconnect)"
                                + (shared
                                        ? ", and the delegate account needs " + (sending ? "Send As" : "Full Access")
                                                + " permission on this shared mailbox"
                                        : "")
                                + ".";
        };
        return "Mail access refused: " + advice + " After fixing it, use Check connection. " + refused.details();
    }

    private static boolean refusesMailbox(Throwable failure) {
        return is(failure, GraphFailure.TOKEN_REFUSED)
                || is(failure, GraphFailure.ACCESS_DENIED)
                || is(failure, GraphFailure.SEND_AS_DENIED)
                || is(failure, GraphFailure.MAILBOX_NOT_ENABLED);
    }

    private static boolean is(Throwable failure, GraphFailure kind) {
        return failure instanceof GraphException graph && graph.failure() == kind;
    }
}
