package com.m365console.sync;

import com.m365console.mailbox.MailboxView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A mailbox's health on the GraphQL type {@code Mailbox} (last sync, last failure, push), read for every mailbox of a
 * list at once. Readable wherever the mailbox itself is: these fields are only reached through mailboxes the caller
 * may see.
 */
@Controller
class MailboxHealthController {

    private final PushStatuses statuses;
    private final SyncSchedule schedule;

    MailboxHealthController(PushStatuses statuses, SyncSchedule schedule) {
        this.statuses = statuses;
        this.schedule = schedule;
    }

    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, SyncStatus>> lastSync(List<MailboxView> mailboxes) {
        return schedule.last(ids(mailboxes)).map(found -> byMailbox(mailboxes, found));
    }

    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, SyncStatus>> lastFailure(List<MailboxView> mailboxes) {
        return schedule.lastFailure(ids(mailboxes)).map(found -> byMailbox(mailboxes, found));
    }

    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, PushStatus>> push(List<MailboxView> mailboxes) {
        return statuses.of(mailboxes);
    }

    /** True only while a watcher holding the live PUSH lease is in IDLE on the INBOX. */
    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, Boolean>> pushing(List<MailboxView> mailboxes) {
        return statuses.of(mailboxes).map(found -> {
            Map<MailboxView, Boolean> watching = new LinkedHashMap<>();
            found.forEach((mailbox, status) -> watching.put(mailbox, status.watching()));
            return watching;
        });
    }

    private static List<UUID> ids(List<MailboxView> mailboxes) {
        return mailboxes.stream().map(MailboxView::id).toList();
    }

    /** The mailboxes that have a value; the others' field is null. */
    private static Map<MailboxView, SyncStatus> byMailbox(List<MailboxView> mailboxes, Map<UUID, SyncStatus> found) {
        Map<MailboxView, SyncStatus> byMailbox = new LinkedHashMap<>();
        mailboxes.stream()
                .filter(mailbox -> found.containsKey(mailbox.id()))
                .forEach(mailbox -> byMailbox.put(mailbox, found.get(mailbox.id())));
        return byMailbox;
    }
}
