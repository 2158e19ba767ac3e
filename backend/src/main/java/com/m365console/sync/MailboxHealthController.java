package com.m365console.sync;

import com.m365console.mailbox.MailboxView;
import com.m365console.sync.MailboxHealthStore.MailboxHealth;
import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A mailbox's health on the GraphQL type {@code Mailbox} (last sync, last failure, push), read for every mailbox of a
 * list at once and once per request for all four fields. Readable wherever the mailbox itself is: these fields are
 * only reached through mailboxes the caller may see.
 */
@Controller
class MailboxHealthController {

    private final MailboxHealthStore store;
    private final PushStatuses statuses;

    MailboxHealthController(MailboxHealthStore store, PushStatuses statuses) {
        this.store = store;
        this.statuses = statuses;
    }

    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, SyncStatus>> lastSync(List<MailboxView> mailboxes, GraphQLContext request) {
        return health(mailboxes, request).map(found -> byMailbox(mailboxes, found, MailboxHealth::lastSync));
    }

    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, SyncStatus>> lastFailure(List<MailboxView> mailboxes, GraphQLContext request) {
        return health(mailboxes, request).map(found -> byMailbox(mailboxes, found, MailboxHealth::lastFailure));
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
     * The push states of these mailboxes from the request's one health read: push and pushing of one answer never
     * disagree while a watcher's state changes.
     */
    private Mono<Map<MailboxView, PushStatus>> pushStatuses(List<MailboxView> mailboxes, GraphQLContext request) {
        Map<List<UUID>, Mono<Map<MailboxView, PushStatus>>> decided =
                request.computeIfAbsent(PushStatuses.class, key -> new ConcurrentHashMap<>());
        return decided.computeIfAbsent(
                ids(mailboxes),
                ids -> health(mailboxes, request)
                        .flatMap(found -> {
                            Map<UUID, PushStatus> held = new LinkedHashMap<>();
                            found.forEach((id, health) -> {
                                if (health.heldPush() != null) {
                                    held.put(id, health.heldPush());
                                }
                            });
                            return statuses.of(mailboxes, held);
                        })
                        .cache());
    }

    /** These mailboxes' health, read once per request whichever of the fields ask for it. */
    private Mono<Map<UUID, MailboxHealth>> health(List<MailboxView> mailboxes, GraphQLContext request) {
        Map<List<UUID>, Mono<Map<UUID, MailboxHealth>>> read =
                request.computeIfAbsent(MailboxHealthStore.class, key -> new ConcurrentHashMap<>());
        return read.computeIfAbsent(ids(mailboxes), ids -> store.of(ids).cache());
    }

    private static List<UUID> ids(List<MailboxView> mailboxes) {
        return mailboxes.stream().map(MailboxView::id).toList();
    }

    /** The mailboxes that have a value; the others' field is null. */
    private static Map<MailboxView, SyncStatus> byMailbox(
            List<MailboxView> mailboxes, Map<UUID, MailboxHealth> found, Function<MailboxHealth, SyncStatus> field) {
        Map<MailboxView, SyncStatus> byMailbox = new LinkedHashMap<>();
        for (MailboxView mailbox : mailboxes) {
            MailboxHealth health = found.get(mailbox.id());
            SyncStatus value = health == null ? null : field.apply(health);
            if (value != null) {
                byMailbox.put(mailbox, value);
            }
        }
        return byMailbox;
    }
}
