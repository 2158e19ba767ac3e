package com.m365console.sync;

import com.m365console.mailbox.MailboxDirectory;
import com.m365console.mailbox.MailboxView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reads what the Dashboard counts with the same statements as a mailbox list's health fields (the mailboxes, their
 * health in one query, the Email Synchronization settings), whatever the number of mailboxes.
 */
@Service
class DashboardService {

    private final MailboxDirectory directory;
    private final MailboxHealthStore health;
    private final PushStatuses statuses;

    DashboardService(MailboxDirectory directory, MailboxHealthStore health, PushStatuses statuses) {
        this.directory = directory;
        this.health = health;
        this.statuses = statuses;
    }

    Mono<Dashboard> of(Authentication caller) {
        Dashboard.Scope scope =
                MailboxDirectory.isAdmin(caller) ? Dashboard.Scope.ALL_MAILBOXES : Dashboard.Scope.OWN_MAILBOXES;
        return directory
                .overseenBy(caller)
                .collectList()
                .flatMap(mailboxes -> health.of(ids(mailboxes))
                        .flatMap(found -> statuses.of(mailboxes, underLiveLease(found))
                                .map(push -> DashboardTally.of(scope, mailboxes, found, push))));
    }

    private static Map<UUID, PushStatus> underLiveLease(Map<UUID, MailboxHealthStore.MailboxHealth> found) {
        Map<UUID, PushStatus> held = new LinkedHashMap<>();
        found.forEach((id, mailbox) -> {
            if (mailbox.heldPush() != null) {
                held.put(id, mailbox.heldPush());
            }
        });
        return held;
    }

    private static List<UUID> ids(List<MailboxView> mailboxes) {
        return mailboxes.stream().map(MailboxView::id).toList();
    }
}
