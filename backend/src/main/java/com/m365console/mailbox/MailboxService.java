package com.m365console.mailbox;

import com.m365console.graph.GraphException;
import com.m365console.mail.MailFailure;
import com.m365console.mail.MailFolder;
import com.m365console.mail.MailHosts;
import com.m365console.mail.MailServerClient;
import com.m365console.mail.MailServerException;
import com.m365console.mail.OutgoingMessage;
import com.m365console.microsoft.Cloud;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.platform.ratelimit.OperationRateLimits;
import com.m365console.platform.ratelimit.RateLimitedOperation;
import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import com.m365console.settings.MicrosoftSettingsService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a user does with a connected mailbox: see its health, check it (IMAP and SMTP, or Microsoft Graph), pick
 * folders, send mail (SMTP or Graph's sendMail), disconnect. A user reaches only their own mailboxes; admins also the system ones.
 */
@Service
class MailboxService {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final int MAX_RECIPIENTS = 100;

    private final MailboxRepository mailboxes;
    private final MailboxTokens tokens;
    private final MailboxLogin login;
    private final MailServerClient mail;
    private final MailHosts hosts;
    private final MicrosoftSettingsService settings;
    private final OperationRateLimits limits;
    private final FolderSelection folderSelection;
    private final AuditEvents audit;
    private final GraphMailboxOperations graph;

    MailboxService(
            MailboxRepository mailboxes,
            MailboxTokens tokens,
            MailboxLogin login,
            MailServerClient mail,
            MailHosts hosts,
            MicrosoftSettingsService settings,
            OperationRateLimits limits,
            FolderSelection folderSelection,
            AuditEvents audit,
            GraphMailboxOperations graph) {
        this.audit = audit;
        this.graph = graph;
        this.mailboxes = mailboxes;
        this.tokens = tokens;
        this.login = login;
        this.mail = mail;
        this.hosts = hosts;
        this.settings = settings;
        this.limits = limits;
        this.folderSelection = folderSelection;
    }

    Flux<MailboxView> mine(Actor actor) {
        return mailboxes.findByOwner(actor.id());
    }

    Flux<MailboxView> system() {
        return mailboxes.findSystem();
    }

    Flux<MailboxView> all() {
        return mailboxes.findAll();
    }

    Mono<MailboxView> find(UUID id, Actor actor) {
        return mailboxes.find(id).filter(actor::maySee);
    }

    Mono<CheckMailboxConnectionPayload> check(UUID id, Actor actor) {
        return withMailbox(
                id,
                actor,
                CheckMailboxConnectionPayload::refused,
                mailbox -> limits.within(
                        RateLimitedOperation.CHECK_MAILBOX_CONNECTION,
                        mailbox.id().toString(),
                        CheckMailboxConnectionPayload::refused,
                        () -> check(mailbox)));
    }

    private Mono<CheckMailboxConnectionPayload> check(MailboxView mailbox) {
        return settings.current()
                .flatMap(current -> mailbox.transport() == MailTransport.GRAPH
                        ? graph.check(mailbox, current.cloud().value())
                        : checkImapAndSmtp(mailbox, current.cloud().value()))
                .onErrorResume(
                        MailboxUnavailableException.class,
                        ex -> mailboxes
                                .find(mailbox.id())
                                .map(updated -> new CheckMailboxConnectionPayload(
                                        updated, false, false, List.of(), List.of(unavailable(ex)))));
    }

    private Mono<CheckMailboxConnectionPayload> checkImapAndSmtp(MailboxView mailbox, Cloud current) {
        return Mono.zip(
                        login.run(
                                        mailbox.id(),
                                        MailboxLogin.Protocol.IMAP,
                                        token -> mail.checkImap(hosts.imap(current), mailbox.address(), token.value()))
                                .map(CheckHalf::ok)
                                .onErrorResume(
                                        MailServerException.class,
                                        ex -> Mono.just(CheckHalf.<List<MailFolder>>failed(ex.getMessage()))),
                        login.run(
                                        mailbox.id(),
                                        MailboxLogin.Protocol.SMTP,
                                        token -> mail.checkSmtp(hosts.smtp(current), mailbox.address(), token.value())
                                                .thenReturn(CheckHalf.ok(true)))
                                .onErrorResume(
                                        MailServerException.class,
                                        ex -> Mono.just(CheckHalf.<Boolean>failed(ex.getMessage()))))
                .flatMap(results -> saveCheck(
                        mailboxes,
                        mailbox,
                        results.getT1(),
                        results.getT2(),
                        selected -> folders(results.getT1().value(), selected)));
    }

    Mono<MailboxPayload> selectFolders(UUID id, List<String> folders, Actor actor) {
        List<String> distinct = folders.stream()
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        if (distinct.size() > 500) {
            return Mono.just(
                    MailboxPayload.refused(new UserError("folders", UserErrorCode.TOO_LONG, "At most 500 folders.")));
        }
        return withMailbox(
                id,
                actor,
                MailboxPayload::refused,
                mailbox -> distinct.isEmpty()
                        ? mailboxes
                                .selectFolders(mailbox.id(), distinct)
                                .then(mailboxes.find(mailbox.id()))
                                .map(MailboxPayload::of)
                        : limits.within(
                                RateLimitedOperation.SELECT_MAILBOX_FOLDERS,
                                mailbox.id().toString(),
                                MailboxPayload::refused,
                                () -> folderSelection.select(mailbox, distinct)));
    }

    Mono<SendEmailPayload> send(SendEmailInput input, Actor actor) {
        List<UserError> errors = validate(input);
        if (!errors.isEmpty()) {
            return Mono.just(new SendEmailPayload(null, errors));
        }
        var message = new OutgoingMessage(
                null,
                trim(input.to()),
                trim(input.cc()),
                trim(input.bcc()),
                input.subject().trim(),
                input.text(),
                input.html());
        return withMailbox(
                input.mailboxId(),
                actor,
                SendEmailPayload::refused,
                mailbox -> limits.within(
                        RateLimitedOperation.SEND_EMAIL,
                        mailbox.id().toString(),
                        SendEmailPayload::refused,
                        () -> send(mailbox, message, actor)));
    }

    private Mono<SendEmailPayload> send(MailboxView mailbox, OutgoingMessage message, Actor actor) {
        if (mailbox.transport() == MailTransport.GRAPH) {
            return settings.current()
                    .flatMap(current -> graph.send(mailbox, current.cloud().value(), message, actor.id()))
                    .map(sent -> new SendEmailPayload(sent, List.of()))
                    .onErrorResume(
                            MailboxUnavailableException.class,
                            ex -> Mono.just(SendEmailPayload.refused(unavailable(ex))))
                    .onErrorResume(
                            ex -> ex instanceof GraphException || ex instanceof GraphAccessRefusedException,
                            ex -> Mono.just(
                                    SendEmailPayload.refused(GraphMailboxOperations.sendError((RuntimeException) ex))));
        }
        return settings.current()
                .flatMap(current -> login.run(
                        mailbox.id(),
                        MailboxLogin.Protocol.SMTP,
                        token -> mail.send(
                                hosts.smtp(current.cloud().value()), mailbox.address(), token.value(), message)))
                .flatMap(sent -> mailboxes
                        .recordSent(
                                mailbox.id(),
                                sent.messageId(),
                                actor.id(),
                                sent.recipients(),
                                message.subject(),
                                sent.sentAt())
                        .map(sentId -> new SendEmailPayload(
                                new SentMessage(
                                        sentId, sent.messageId(), sent.recipients(), message.subject(), sent.sentAt()),
                                List.of())))
                .onErrorResume(
                        MailboxUnavailableException.class, ex -> Mono.just(SendEmailPayload.refused(unavailable(ex))))
                .onErrorResume(MailServerException.class, ex -> Mono.just(SendEmailPayload.refused(mailServer(ex))));
    }

    Mono<MailboxPayload> disconnect(UUID id, boolean deleteMail, Actor actor) {
        return withMailbox(
                id,
                actor,
                MailboxPayload::refused,
                mailbox -> tokens.delete(mailbox.id())
                        .then(mailboxes.setState(mailbox.id(), MailboxState.DISCONNECTED, null))
                        .then(deleteMail ? mailboxes.deleteSent(mailbox.id()) : Mono.empty())
                        .then(audit.record(AuditEvent.by(
                                AuditEvent.MAILBOX_DISCONNECTED, actor.id(), disconnectDetails(mailbox, deleteMail))))
                        .then(mailboxes.find(mailbox.id()))
                        .map(MailboxPayload::of));
    }

    /** What the audit log says of a mailbox: which one, whose, of which kind. */
    static Map<String, Object> auditDetails(MailboxView mailbox) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mailboxId", mailbox.id().toString());
        details.put("address", mailbox.address());
        details.put("kind", mailbox.kind().name());
        if (mailbox.owner() != null) {
            details.put("owner", mailbox.owner());
        }
        return details;
    }

    private static Map<String, Object> disconnectDetails(MailboxView mailbox, boolean deleteMail) {
        Map<String, Object> details = auditDetails(mailbox);
        details.put("mailDeleted", deleteMail);
        return details;
    }

    private <T> Mono<T> withMailbox(
            UUID id,
            Actor actor,
            java.util.function.Function<UserError, T> refused,
            java.util.function.Function<MailboxView, Mono<T>> action) {
        return find(id, actor)
                .flatMap(action)
                .switchIfEmpty(Mono.fromSupplier(() -> refused.apply(
                        new UserError("mailboxId", UserErrorCode.NOT_FOUND, "You have no mailbox with this id."))));
    }

    static UserError mailServer(MailServerException ex) {
        boolean refused =
                ex.failure() == MailFailure.AUTHENTICATION_REFUSED || ex.failure() == MailFailure.TOKEN_REFUSED;
        return new UserError(
                null,
                refused ? UserErrorCode.MAIL_SERVER_REFUSED : UserErrorCode.MAIL_SERVER_UNREACHABLE,
                ex.getMessage());
    }

    static UserError unavailable(MailboxUnavailableException ex) {
        UserErrorCode code = switch (ex.reason()) {
            case NEEDS_REAUTH, NOT_CONNECTED -> UserErrorCode.NEEDS_REAUTH;
            case MICROSOFT_UNAVAILABLE -> UserErrorCode.MICROSOFT_UNAVAILABLE;
        };
        return new UserError("mailboxId", code, ex.getMessage());
    }

    private static List<FolderView> folders(List<MailFolder> folders, List<String> selected) {
        return folders == null
                ? List.of()
                : folders.stream()
                        .map(folder -> new FolderView(
                                folder.fullName(),
                                folder.name(),
                                folder.messageCount(),
                                selected.contains(folder.fullName())))
                        .toList();
    }

    private static List<UserError> validate(SendEmailInput input) {
        List<UserError> errors = new ArrayList<>();
        addressErrors("to", input.to(), errors);
        addressErrors("cc", input.cc(), errors);
        addressErrors("bcc", input.bcc(), errors);
        if (trim(input.to()).isEmpty()) {
            errors.add(new UserError("to", UserErrorCode.REQUIRED, "Add at least one recipient."));
        }
        if (trim(input.to()).size()
                        + trim(input.cc()).size()
                        + trim(input.bcc()).size()
                > MAX_RECIPIENTS) {
            errors.add(new UserError("to", UserErrorCode.TOO_LONG, "At most " + MAX_RECIPIENTS + " recipients."));
        }
        if (input.subject() == null || input.subject().isBlank()) {
            errors.add(new UserError("subject", UserErrorCode.REQUIRED, "Enter a subject."));
        }
        if ((input.text() == null || input.text().isBlank())
                && (input.html() == null || input.html().isBlank())) {
            errors.add(new UserError("text", UserErrorCode.REQUIRED, "Write a message (text or HTML)."));
        }
        return errors;
    }

    private static void addressErrors(String field, List<String> addresses, List<UserError> errors) {
        List<String> bad = trim(addresses).stream()
                .filter(address -> !ADDRESS.matcher(address).matches())
                .toList();
        if (!bad.isEmpty()) {
            errors.add(new UserError(
                    field, UserErrorCode.INVALID_FORMAT, "Not an e-mail address: " + String.join(", ", bad)));
        }
    }

    private static List<String> trim(List<String> addresses) {
        return addresses == null
                ? List.of()
                : addresses.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    /** The outcome of one protocol check. */
    /**
     * Saves both halves of a check (IMAP and SMTP, or Graph reading and sending) and answers with the updated mailbox
     * and its folders, marked as selected from the mailbox as saved.
     */
    static Mono<CheckMailboxConnectionPayload> saveCheck(
            MailboxRepository mailboxes,
            MailboxView mailbox,
            CheckHalf<?> reading,
            CheckHalf<?> sending,
            Function<List<String>, List<FolderView>> folders) {
        return mailboxes
                .saveCheck(mailbox.id(), reading.summary(), sending.summary())
                .then(mailboxes.find(mailbox.id()))
                .map(updated -> new CheckMailboxConnectionPayload(
                        updated, reading.ok(), sending.ok(), folders.apply(updated.selectedFolders()), List.of()));
    }

    /** Schema type {@code MailFolder}. */
    record FolderView(String fullName, String name, int messageCount, boolean selected) {}

    /** Schema type {@code SentMessage}. */
    record SentMessage(
            UUID id, String messageId, List<String> recipients, String subject, java.time.OffsetDateTime sentAt) {}
}
