package com.m365console.mailbox;

import com.m365console.graph.GraphException;
import com.m365console.graph.GraphFailure;
import com.m365console.graph.GraphFolder;
import com.m365console.graph.GraphFolderNames;
import com.m365console.graph.GraphMailClient;
import com.m365console.graph.GraphMailSender;
import com.m365console.graph.GraphMailbox;
import com.m365console.graph.GraphOutgoingMessage;
import com.m365console.mail.OutgoingMessage;
import com.m365console.mailbox.MailboxService.FolderView;
import com.m365console.mailbox.MailboxService.SentMessage;
import com.m365console.microsoft.Cloud;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Check connection and send for a mailbox connected over Microsoft Graph. The check reads the folder tree (which
 * proves reading) and renews the Graph token to learn, without sending, whether Mail.Send is still granted; the
 * results go to the same check columns as IMAP's and SMTP's (reading in {@code imap_check}, sending in
 * {@code smtp_check}). Sending goes through {@code sendMail} with a Message-ID of our own in
 * {@code internetMessageId}, since Graph answers 202 without one, and is recorded as SMTP's sends are.
 */
@Component
class GraphMailboxOperations {

    private final GraphLogin login;
    private final MailboxTokens tokens;
    private final MailboxRepository mailboxes;
    private final GraphMailClient reader;
    private final GraphMailSender sender;

    GraphMailboxOperations(
            GraphLogin login,
            MailboxTokens tokens,
            MailboxRepository mailboxes,
            GraphMailClient reader,
            GraphMailSender sender) {
        this.login = login;
        this.tokens = tokens;
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.sender = sender;
    }

    Mono<CheckMailboxConnectionPayload> check(MailboxView mailbox, Cloud cloud) {
        Mono<CheckHalf<List<GraphFolder>>> reading = tree(mailbox, cloud)
                .map(CheckHalf::ok)
                .onErrorResume(GraphAccessRefusedException.class, ex -> Mono.just(CheckHalf.failed(ex.getMessage())))
                .onErrorResume(GraphException.class, ex -> Mono.just(CheckHalf.failed(ex.getMessage())));
        return reading.zipWhen(read -> sending(mailbox))
                .flatMap(results -> MailboxService.saveCheck(
                        mailboxes,
                        mailbox,
                        results.getT1(),
                        results.getT2(),
                        selected -> folders(results.getT1().value(), selected)));
    }

    /**
     * Whether the renewed token carries Mail.Send (and Mail.Send.Shared for a shared mailbox through a delegate):
     * sending allowed. An application's token says no scopes (its permissions are roles Microsoft does not answer
     * beside it), so for a mailbox reached with the application's permission the check proves that Microsoft still
     * issues the token; a missing Mail.Send application permission shows on the first send.
     */
    private Mono<CheckHalf<Boolean>> sending(MailboxView mailbox) {
        boolean shared = mailbox.kind() == MailboxKind.SYSTEM;
        return tokens.renewNow(mailbox.id(), MailResource.GRAPH)
                .flatMap(token -> {
                    boolean granted = mailbox.applicationPermission()
                            || granted(token, "Mail.Send") && (!shared || granted(token, "Mail.Send.Shared"));
                    if (granted) {
                        return mailboxes
                                .restoreAccess(mailbox.id(), MailboxLogin.Protocol.GRAPH_SEND)
                                .thenReturn(CheckHalf.ok(true));
                    }
                    String advice = "Mail access refused: the access token Microsoft issues for " + mailbox.address()
                            + " does not carry the delegated permission " + (shared ? "Mail.Send.Shared" : "Mail.Send")
                            + ", so Microsoft Graph would refuse to send. An admin grants it in Azure > App registrations > "
                            + "API permissions; then reconnect the mailbox and use Check connection.";
                    return mailboxes
                            .refuseAccess(mailbox.id(), MailboxLogin.Protocol.GRAPH_SEND, advice)
                            .thenReturn(CheckHalf.<Boolean>failed(advice));
                })
                .onErrorResume(GraphAccessRefusedException.class, ex -> Mono.just(CheckHalf.failed(ex.getMessage())));
    }

    Mono<SentMessage> send(MailboxView mailbox, Cloud cloud, OutgoingMessage message, UUID sentBy) {
        String messageId = "<" + UUID.randomUUID() + "@" + domain(mailbox.address()) + ">";
        var outgoing = new GraphOutgoingMessage(
                message.to(),
                message.cc(),
                message.bcc(),
                message.subject(),
                message.text(),
                message.html(),
                messageId);
        OffsetDateTime sentAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return login.run(
                        mailbox.id(),
                        MailboxLogin.Protocol.GRAPH_SEND,
                        token -> sender.send(token, target(mailbox, cloud), outgoing)
                                .thenReturn(true))
                .flatMap(sent -> mailboxes.recordSent(
                        mailbox.id(), messageId, sentBy, outgoing.recipients(), message.subject(), sentAt))
                .map(id -> new SentMessage(id, messageId, outgoing.recipients(), message.subject(), sentAt));
    }

    /** A Graph failure of sending as the compose form shows it: throttled, unreachable, or refused. */
    static UserError sendError(RuntimeException failure) {
        if (failure instanceof GraphException graph) {
            UserErrorCode code = switch (graph.failure()) {
                case THROTTLED -> UserErrorCode.RATE_LIMITED;
                case UNAVAILABLE -> UserErrorCode.MAIL_SERVER_UNREACHABLE;
                default -> UserErrorCode.MAIL_SERVER_REFUSED;
            };
            String message = graph.failure() == GraphFailure.OTHER
                    ? "Microsoft Graph did not accept the message; check the recipients and try again. "
                            + graph.details()
                    : graph.getMessage();
            return new UserError(null, code, message);
        }
        return new UserError(null, UserErrorCode.MAIL_SERVER_REFUSED, failure.getMessage());
    }

    /** The mailbox on Graph: the token's own, or a shared one by address through its delegate. */
    static GraphMailbox target(MailboxView mailbox, Cloud cloud) {
        return mailbox.kind() == MailboxKind.SYSTEM
                ? GraphMailbox.user(cloud, mailbox.address())
                : GraphMailbox.me(cloud);
    }

    /** The mailbox's folder tree as Graph gives it, read under the same refuse-refresh-retry rule as a check. */
    Mono<List<GraphFolder>> tree(MailboxView mailbox, Cloud cloud) {
        return login.run(
                mailbox.id(), MailboxLogin.Protocol.GRAPH, token -> reader.folders(token, target(mailbox, cloud)));
    }

    /**
     * The folder tree flattened for the folder picker, named as Graph runs store them ({@link GraphFolderNames}:
     * {@code INBOX}, {@code Inbox/Projects}, {@code Sent Items}): the Inbox and its subfolders first, then the rest in
     * Graph's order.
     */
    private static List<FolderView> folders(List<GraphFolder> tree, List<String> selected) {
        if (tree == null) {
            return List.of();
        }
        return tree.stream()
                .sorted(Comparator.comparing(folder -> !"inbox".equals(folder.wellKnownName())))
                .flatMap(GraphFolder::withDescendants)
                .map(folder -> {
                    String name = GraphFolderNames.fullName(folder);
                    return new FolderView(name, folder.displayName(), folder.totalItemCount(), selected.contains(name));
                })
                .toList();
    }

    private static boolean granted(MailboxAccessToken token, String permission) {
        return token.scopes().stream()
                .map(scope -> scope.substring(scope.lastIndexOf('/') + 1))
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(permission.toLowerCase(Locale.ROOT)));
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "m365console.invalid" : address.substring(at + 1);
    }
}
