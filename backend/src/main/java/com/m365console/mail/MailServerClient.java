package com.m365console.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Logs in to a mailbox's IMAP and SMTP servers with XOAUTH2 (blocking Jakarta Mail, run off the event loop). */
@Component
public class MailServerClient {

    private static final Comparator<MailFolder> INBOX_FIRST = Comparator.comparing(
                    (MailFolder folder) -> !"INBOX".equalsIgnoreCase(folder.fullName()))
            .thenComparing(MailFolder::fullName, String.CASE_INSENSITIVE_ORDER);

    private final MailSessions sessions;
    private SharedIdle idle;

    public MailServerClient(MailServerProperties properties) {
        this.sessions = new MailSessions(properties);
    }

    /** Logs in to IMAP and lists every folder, INBOX first. */
    public Mono<List<MailFolder>> checkImap(MailEndpoint imap, String address, String accessToken) {
        return blocking(() -> listFolders(imap, MimeMessages.address(address), accessToken));
    }

    /**
     * Logs in to IMAP with XOAUTH2 once for a synchronisation run, whose folders are then opened on this connection,
     * reading bodies of up to {@link ImapFolderReader#DEFAULT_MAX_BODY_BYTES} each. Blocking.
     */
    public ImapConnection connectImap(MailEndpoint imap, String address, String accessToken) {
        return ImapConnection.login(
                sessions.imap(imap),
                imap,
                MimeMessages.address(address),
                accessToken,
                ImapFolderReader.DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Logs in to IMAP with XOAUTH2 and opens one folder read-only for synchronisation, reading bodies of up to
     * {@link ImapFolderReader#DEFAULT_MAX_BODY_BYTES} each. Blocking: call it (and the reader) on boundedElastic.
     */
    public ImapFolderReader openFolderReader(MailEndpoint imap, String address, String accessToken, String folder) {
        return openFolderReader(imap, address, accessToken, folder, ImapFolderReader.DEFAULT_MAX_BODY_BYTES);
    }

    /** As {@link #openFolderReader(MailEndpoint, String, String, String)}, keeping up to maxBodyBytes per body. */
    public ImapFolderReader openFolderReader(
            MailEndpoint imap, String address, String accessToken, String folder, int maxBodyBytes) {
        return ImapFolderReader.open(
                sessions.imap(imap), imap, MimeMessages.address(address), accessToken, folder, maxBodyBytes);
    }

    /**
     * As {@link #openFolderReader(MailEndpoint, String, String, String)}, for a reader that can also wait in IDLE
     * ({@link ImapFolderReader#watch(Runnable)}) without holding a thread: one selector waits for all of them.
     */
    public ImapFolderReader openIdlingFolderReader(
            MailEndpoint imap, String address, String accessToken, String folder) {
        SharedIdle idle = sharedIdle();
        return ImapFolderReader.open(
                sessions.idlingImap(imap, idle),
                idle,
                imap,
                MimeMessages.address(address),
                accessToken,
                folder,
                ImapFolderReader.DEFAULT_MAX_BODY_BYTES);
    }

    /** Ends every IDLE and frees the selector's threads (at shutdown). */
    @PreDestroy
    public synchronized void stopIdling() {
        if (idle != null) {
            idle.close();
            idle = null;
        }
    }

    /** Started on the first IDLE, so an instance that pushes nothing runs no selector. */
    private synchronized SharedIdle sharedIdle() {
        if (idle == null) {
            idle = new SharedIdle();
        }
        return idle;
    }

    /** Logs in to SMTP (TLS first when required) and disconnects. */
    public Mono<Void> checkSmtp(MailEndpoint smtp, String address, String accessToken) {
        return blocking(() -> {
                    InternetAddress user = MimeMessages.address(address);
                    MailFailureTranslator failures =
                            new MailFailureTranslator("SMTP", smtp, user.getAddress(), accessToken);
                    SMTPTransport transport = null;
                    try {
                        transport = connectSmtp(sessions.smtp(smtp, user.getAddress()), smtp, user, accessToken);
                        return null;
                    } catch (MessagingException | RuntimeException e) {
                        throw failures.translate(e, MailFailure.CONNECTION_FAILED);
                    } finally {
                        closeQuietly(transport);
                    }
                })
                .then();
    }

    /** Sends the message from the mailbox's address; addresses are checked before anything connects. */
    public Mono<SentMessage> send(MailEndpoint smtp, String address, String accessToken, OutgoingMessage message) {
        return blocking(() -> {
            InternetAddress from = MimeMessages.address(address);
            List<String> recipients = MimeMessages.recipients(message);
            if (recipients.isEmpty()) {
                throw new MailServerException(MailFailure.INVALID_ADDRESS, "The message has no recipients.");
            }
            MailFailureTranslator failures = new MailFailureTranslator("SMTP", smtp, from.getAddress(), accessToken);
            OffsetDateTime sentAt = MimeMessages.now();
            SMTPTransport transport = null;
            try {
                Session session = sessions.smtp(smtp, from.getAddress());
                MimeMessage mime = MimeMessages.compose(session, from, message.fromName(), message, sentAt);
                transport = connectSmtp(session, smtp, from, accessToken);
                transport.sendMessage(mime, mime.getAllRecipients());
                return new SentMessage(mime.getMessageID(), sentAt, recipients);
            } catch (MessagingException | RuntimeException e) {
                throw failures.translate(e, MailFailure.SEND_FAILED);
            } finally {
                closeQuietly(transport);
            }
        });
    }

    private List<MailFolder> listFolders(MailEndpoint imap, InternetAddress user, String accessToken) {
        MailFailureTranslator failures = new MailFailureTranslator("IMAP", imap, user.getAddress(), accessToken);
        Store store = null;
        try {
            store = new Xoauth2OnlyImapStore(sessions.imap(imap), imap);
            store.connect(imap.host(), imap.port(), user.getAddress(), accessToken);
            List<MailFolder> folders = new ArrayList<>();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                boolean holdsMessages = (folder.getType() & Folder.HOLDS_MESSAGES) != 0;
                folders.add(new MailFolder(
                        folder.getFullName(),
                        folder.getName(),
                        holdsMessages ? folder.getMessageCount() : 0,
                        holdsMessages));
            }
            folders.sort(INBOX_FIRST);
            return folders;
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        } finally {
            closeQuietly(store);
        }
    }

    /** Jakarta Mail skips AUTH silently when the server offers none; a check must not pass unauthenticated. */
    private static SMTPTransport connectSmtp(
            Session session, MailEndpoint smtp, InternetAddress user, String accessToken) throws MessagingException {
        SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
        transport.connect(smtp.host(), smtp.port(), user.getAddress(), accessToken);
        if (!transport.supportsExtension("AUTH")) {
            closeQuietly(transport);
            throw new MailServerException(
                    MailFailure.AUTHENTICATION_REFUSED,
                    "The SMTP server " + smtp.hostAndPort()
                            + " offers no authentication (AUTH), so it cannot take an XOAUTH2 login.");
        }
        return transport;
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    private static void closeQuietly(Service service) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (MessagingException ignored) {
            // Logging out is best effort: the work is done or has already failed.
        }
    }
}
