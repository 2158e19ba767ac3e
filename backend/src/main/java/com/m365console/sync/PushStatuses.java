package com.m365console.sync;

import com.m365console.graph.GraphProperties;
import com.m365console.mailbox.MailTransport;
import com.m365console.mailbox.MailboxState;
import com.m365console.mailbox.MailboxView;
import com.m365console.settings.EmailSyncSettings;
import com.m365console.settings.EmailSyncSettingsService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The push state of mailboxes as it is: OFF with the reason when nothing should watch a mailbox or nothing does
 * (no live PUSH lease), otherwise what the holding watcher last wrote ({@link MailboxHealthStore} reads it).
 */
@Service
class PushStatuses {

    static final String NOBODY_WATCHES = "No instance of the console watches it right now; one takes it on at its "
            + "next check, within a minute. Until then new mail arrives with the schedule.";

    private final EmailSyncSettingsService settings;
    private final PushProperties properties;
    private final GraphProperties graph;
    private final GraphSubscriptionKeeper subscriptions;

    PushStatuses(
            EmailSyncSettingsService settings,
            PushProperties properties,
            GraphProperties graph,
            GraphSubscriptionKeeper subscriptions) {
        this.settings = settings;
        this.properties = properties;
        this.graph = graph;
        this.subscriptions = subscriptions;
    }

    /** The push states of these mailboxes, given what the holders of live PUSH leases wrote for them. */
    Mono<Map<MailboxView, PushStatus>> of(List<MailboxView> mailboxes, Map<UUID, PushStatus> underLiveLease) {
        return settings.current().map(current -> {
            Map<MailboxView, PushStatus> statuses = new LinkedHashMap<>();
            for (MailboxView mailbox : mailboxes) {
                String off = whyNotWatched(mailbox, current);
                PushStatus held = underLiveLease.get(mailbox.id());
                statuses.put(
                        mailbox,
                        off != null ? PushStatus.off(off) : held != null ? held : PushStatus.off(nobodyYet(mailbox)));
            }
            return statuses;
        });
    }

    /** Why the mailbox is not to be watched, or null when it is. */
    private String whyNotWatched(MailboxView mailbox, EmailSyncSettings current) {
        if (mailbox.state() != MailboxState.CONNECTED) {
            return switch (mailbox.state()) {
                case NEEDS_REAUTH -> "The mailbox needs reconnecting.";
                case ACCESS_REFUSED -> "The mail server refuses this mailbox's access.";
                default -> "The mailbox is not connected.";
            };
        }
        if (mailbox.transport() == MailTransport.GRAPH && !subscriptions.notificationsPossible()) {
            return "Connected over Microsoft Graph: new mail arrives with a delta poll "
                    + pollEvery(graph.pollInterval()) + " after the last run, while Email Synchronization is on. "
                    + "Change notifications need m365.public-base-url on HTTPS.";
        }
        if (!properties.enabled() && mailbox.transport() == MailTransport.IMAP) {
            return "Pushing new mail is turned off on this server (m365.sync.push.enabled).";
        }
        if (!current.enabled()) {
            return "Email Synchronization is turned off by an administrator.";
        }
        if (!synchronisesInbox(mailbox)) {
            return "INBOX is not among the synced folders; new mail of the chosen folders arrives with the schedule.";
        }
        return null;
    }

    /** Why a mailbox that should be pushed is not yet: nobody watches it (IMAP), or no subscription yet (Graph). */
    private String nobodyYet(MailboxView mailbox) {
        return mailbox.transport() == MailTransport.GRAPH
                ? "Microsoft Graph change notifications start with the mailbox's next synchronisation; until then "
                        + "new mail arrives with a delta poll " + pollEvery(graph.pollInterval())
                        + " after the last run."
                : NOBODY_WATCHES;
    }

    /** Whether the mailbox synchronises its INBOX (as it does when no folder is selected): what push watches. */
    static boolean synchronisesInbox(MailboxView mailbox) {
        List<String> folders = mailbox.selectedFolders();
        return folders.isEmpty() || folders.contains(PushConnector.INBOX);
    }

    private static String pollEvery(Duration interval) {
        long seconds = interval.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " s";
    }
}
