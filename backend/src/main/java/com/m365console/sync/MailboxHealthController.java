package com.m365console.sync;

import com.m365console.mailbox.MailboxView;
import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    Mono<Map<MailboxView, PushStatus>> push(List<MailboxView> mailboxes, GraphQLContext request) {
        return pushStatuses(mailboxes, request);
    }

    /** True only while a watcher holding the live PUSH lease is in IDLE on the INBOX. */
    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, Boolean>> pushing(List<MailboxView> mailboxes, GraphQLContext request) {
        return pushStatuses(mailboxes, request).map(found -> {
            Map<MailboxView, Boolean> watching = new LinkedHashMap<>();
            found.forEach((mailbox, status) -> watching.put(mailbox, status.watching()));
            return watching;
        });
    }

    /**
     * The push states of these mailboxes, read once per request: push and pushing of one answer come from the same
     * read, so they never disagree while a watcher's state changes.
     */
    private Mono<Map<MailboxView, PushStatus>> pushStatuses(List<MailboxView> mailboxes, GraphQLContext request) {
        Map<List<UUID>, Mono<Map<MailboxView, PushStatus>>> read =
                request.computeIfAbsent(PushStatuses.class, key -> new ConcurrentHashMap<>());
        return read.computeIfAbsent(
                ids(mailboxes), ids -> statuses.of(mailboxes).cache());
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
