package com.m365console.sync;

import com.m365console.mail.ImapFolderReader;
import com.m365console.mail.MailHosts;
import com.m365console.mail.MailServerClient;
import com.m365console.mailbox.MailboxDirectory;
import com.m365console.mailbox.MailboxLogin;
import com.m365console.mailbox.MailboxUnavailableException;
import com.m365console.mailbox.MailboxView;
import com.m365console.microsoft.Cloud;
import com.m365console.settings.MicrosoftSettingsService;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Opens a mailbox's INBOX for waiting in IDLE, and tells when the token it logged in with expires. */
@Component
class PushConnector {

    static final String INBOX = "INBOX";

    /** An open INBOX and the expiry of the access token its connection authenticated with. */
    record Connection(ImapFolderReader reader, Instant tokenExpiresAt) {}

    private final MailboxDirectory mailboxes;
    private final MailboxLogin login;
    private final MicrosoftSettingsService settings;
    private final MailHosts hosts;
    private final MailServerClient mail;

    PushConnector(
            MailboxDirectory mailboxes,
            MailboxLogin login,
            MicrosoftSettingsService settings,
            MailHosts hosts,
            MailServerClient mail) {
        this.mailboxes = mailboxes;
        this.login = login;
        this.settings = settings;
        this.hosts = hosts;
        this.mail = mail;
    }

    /**
     * Blocking: for a thread of the watchers' pool. Logs in by {@link MailboxLogin}'s refuse-refresh-retry rule; fails with
     * MailboxUnavailableException or MailServerException (TOKEN_REFUSED: mail access refused).
     */
    Connection open(UUID mailboxId) {
        MailboxView mailbox = mailboxes
                .find(mailboxId)
                .switchIfEmpty(Mono.error(() -> new MailboxUnavailableException(
                        MailboxUnavailableException.Reason.NOT_CONNECTED, "The mailbox no longer exists.")))
                .block();
        Cloud cloud = settings.current().block().cloud().value();
        return login.run(
                        mailboxId,
                        MailboxLogin.Protocol.IMAP,
                        access -> Mono.fromCallable(() -> new Connection(
                                mail.openIdlingFolderReader(
                                        hosts.imap(cloud), mailbox.address(), access.value(), INBOX),
                                access.expiresAt())))
                .block();
    }
}
