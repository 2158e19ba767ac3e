package com.m365console.mailbox;

import com.m365console.graph.GraphException;
import com.m365console.graph.GraphMailClient;
import com.m365console.graph.GraphMailbox;
import com.m365console.microsoft.Cloud;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import com.m365console.settings.MicrosoftAppToken;
import com.m365console.settings.MicrosoftCredentials;
import com.m365console.settings.MicrosoftSettingsService;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Connects a shared mailbox with the application's own permission (client credentials, Mail.ReadWrite and Mail.Send
 * application permissions with admin consent): no delegate, no Microsoft redirect. Graph must first serve the
 * mailbox's folders with the app-only token, so a missing permission or an unknown address is a typed error and no
 * mailbox is created; then the mailbox is SYSTEM, over GRAPH, with grant APPLICATION, and its token is stored
 * encrypted like a delegate's.
 */
@Service
class ApplicationMailboxConnections {

    private static final String ADDRESS = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final MicrosoftSettingsService settings;
    private final MicrosoftAppToken appToken;
    private final GraphMailClient graph;
    private final MailboxRepository mailboxes;
    private final MailboxTokens tokens;
    private final AuditEvents audit;
    private final TransactionalOperator transaction;

    ApplicationMailboxConnections(
            MicrosoftSettingsService settings,
            MicrosoftAppToken appToken,
            GraphMailClient graph,
            MailboxRepository mailboxes,
            MailboxTokens tokens,
            AuditEvents audit,
            TransactionalOperator transaction) {
        this.settings = settings;
        this.appToken = appToken;
        this.graph = graph;
        this.mailboxes = mailboxes;
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<MailboxPayload> connect(Actor actor, String rawAddress) {
        String address = rawAddress == null ? "" : rawAddress.trim().toLowerCase(Locale.ROOT);
        if (!actor.admin()) {
            return refused(null, UserErrorCode.PRECONDITION_FAILED, "Only administrators connect system mailboxes.");
        }
        if (!address.matches(ADDRESS)) {
            return refused(
                    "address",
                    UserErrorCode.INVALID_FORMAT,
                    "Enter the shared mailbox's address, such as support@contoso.com.");
        }
        return settings.credentials()
                .filter(credentials -> credentials.usable()
                        && credentials.settings().emailSyncEnabled().value())
                .flatMap(credentials -> connect(actor, address, credentials))
                .switchIfEmpty(refused(
                        null,
                        UserErrorCode.PRECONDITION_FAILED,
                        "Mailbox connection is not available: an administrator must complete Microsoft Settings and "
                                + "enable Emails Sync."));
    }

    private Mono<MailboxPayload> connect(Actor actor, String address, MicrosoftCredentials credentials) {
        Cloud cloud = credentials.settings().cloud().value();
        return appToken.request(credentials).flatMap(result -> {
            if (result.refusal() != null) {
                return refused(
                        null,
                        UserErrorCode.PRECONDITION_FAILED,
                        "Microsoft did not issue the application's own token: "
                                + result.refusal().message());
            }
            if (result.accessToken() == null) {
                return refused(null, UserErrorCode.MICROSOFT_UNAVAILABLE, result.failure());
            }
            return graph.folders(result.accessToken(), GraphMailbox.user(cloud, address))
                    .then(transaction.transactional(
                            save(actor, address, credentials.settings().tenant().value(), result)))
                    .map(MailboxPayload::of)
                    .onErrorResume(
                            GraphException.class, ex -> Mono.just(MailboxPayload.refused(graphError(address, ex))));
        });
    }

    private Mono<MailboxView> save(Actor actor, String address, String tenant, MicrosoftAppToken.Result token) {
        return mailboxes
                .findIdByAddress(MailboxKind.SYSTEM, null, address)
                .map(id -> new Found(id, true))
                .switchIfEmpty(Mono.defer(() ->
                        mailboxes.insert(MailboxKind.SYSTEM, null, address).map(id -> new Found(id, false))))
                .flatMap(found -> tokens.storeApplication(found.id(), token.accessToken(), token.expiresAt())
                        .then(mailboxes.markConnected(found.id(), MailTransport.GRAPH, actor.id(), tenant, null))
                        .then(mailboxes.setGrant(found.id(), MailboxGrant.APPLICATION))
                        .then(mailboxes.find(found.id()))
                        .flatMap(connected -> audit.record(AuditEvent.by(
                                        found.existed() ? AuditEvent.MAILBOX_RECONNECTED : AuditEvent.MAILBOX_CONNECTED,
                                        actor.id(),
                                        MailboxService.auditDetails(connected)))
                                .thenReturn(connected)));
    }

    /** Graph's refusal of the app-only token for this mailbox, as what the admin has to do about it. */
    static UserError graphError(String address, GraphException ex) {
        return switch (ex.failure()) {
            case ACCESS_DENIED ->
                new UserError(
                        null,
                        UserErrorCode.MAIL_SERVER_REFUSED,
                        "Microsoft Graph denied the application access to " + address + ": grant the application "
                                + "permissions Mail.ReadWrite and Mail.Send with admin consent (Azure > App "
                                + "registrations > API permissions > Add a permission > Microsoft Graph > Application "
                                + "permissions), or, if an application access policy scopes the app, include this "
                                + "mailbox in it. " + ex.details());
            case NOT_FOUND ->
                new UserError(
                        "address",
                        UserErrorCode.NOT_FOUND,
                        "Microsoft Graph knows no mailbox " + address + " in this tenant: check the address "
                                + "(the shared mailbox's primary SMTP address). " + ex.details());
            case MAILBOX_NOT_ENABLED ->
                new UserError(
                        "address",
                        UserErrorCode.MAIL_SERVER_REFUSED,
                        "Microsoft Graph cannot serve " + address + ": the mailbox is inactive, soft-deleted or "
                                + "hosted on-premises. " + ex.details());
            case THROTTLED -> new UserError(null, UserErrorCode.RATE_LIMITED, ex.getMessage());
            case UNAVAILABLE -> new UserError(null, UserErrorCode.MICROSOFT_UNAVAILABLE, ex.getMessage());
            default -> new UserError(null, UserErrorCode.MAIL_SERVER_REFUSED, ex.getMessage());
        };
    }

    private static Mono<MailboxPayload> refused(String field, UserErrorCode code, String message) {
        return Mono.just(MailboxPayload.refused(new UserError(field, code, message)));
    }

    /** The mailbox the connection is saved to, and whether it was there before (a reconnection). */
    private record Found(UUID id, boolean existed) {}
}
