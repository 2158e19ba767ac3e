package com.m365console.sync;

import com.m365console.mail.FolderConnection;
import com.m365console.mail.MailHosts;
import com.m365console.mail.MailServerClient;
import com.m365console.mailbox.MailboxLogin;
import com.m365console.mailbox.MailboxUnavailableException;
import com.m365console.mailbox.MailboxView;
import com.m365console.microsoft.Cloud;
import com.m365console.settings.MicrosoftSettingsService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Logs in to a mailbox's IMAP server once for a run, by {@link MailboxLogin}'s refuse-refresh-retry rule. */
@Component
class ImapConnector {

    private final MailboxLogin login;
    private final MicrosoftSettingsService settings;
    private final MailHosts hosts;
    private final MailServerClient mail;

    ImapConnector(MailboxLogin login, MicrosoftSettingsService settings, MailHosts hosts, MailServerClient mail) {
        this.login = login;
        this.settings = settings;
        this.hosts = hosts;
        this.mail = mail;
    }

    /** Blocking: for a run's own thread. */
    FolderConnection connect(MailboxView mailbox) {
        Cloud cloud = settings.current().block().cloud().value();
        FolderConnection connection = login.run(
                        mailbox.id(),
                        MailboxLogin.Protocol.IMAP,
                        token -> Mono.fromCallable(() -> (FolderConnection)
                                mail.connectImap(hosts.imap(cloud), mailbox.address(), token.value())))
                .block();
        if (connection == null) {
            throw new MailboxUnavailableException(
                    MailboxUnavailableException.Reason.NOT_CONNECTED, "The mailbox is not connected.");
        }
        return connection;
    }
}
