package com.m365console.sync;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads what the health fields of a list of mailboxes need, their last run, last failure and push state, in one
 * query for any number of mailboxes: a list of a thousand mailboxes costs the same three statements as one (the
 * mailboxes, this, the Email Synchronization settings).
 */
@Repository
class MailboxHealthStore {

    /**
     * One mailbox's recorded health; null where there is none: no run yet, no failure yet, no live PUSH lease. A
     * holder that has not written its state yet is CONNECTING. A Graph mailbox's push is its change-notification
     * subscription.
     */
    record MailboxHealth(SyncStatus lastSync, SyncStatus lastFailure, PushStatus heldPush) {}

    private final DatabaseClient db;

    MailboxHealthStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Map<UUID, MailboxHealth>> of(Collection<UUID> mailboxIds) {
        if (mailboxIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                select i.id, s.last_state, s.last_reason, s.new_messages, s.last_started_at, s.last_finished_at,
                       s.last_failure_state, s.last_failure_reason, s.last_failed_at,
                       l.mailbox_id is not null as leased, p.state as push_state, p.since as push_since,
                       p.reason as push_reason, g.subscription_id, g.expires_at as subscription_expires_at,
                       g.created_at as subscribed_at, g.last_error as subscription_error,
                       g.last_error_at as subscription_failed_at
                from unnest(cast(:ids as uuid[])) as i(id)
                left join mailbox_sync s on s.mailbox_id = i.id
                left join sync_lease l on l.mailbox_id = i.id and l.purpose = 'PUSH' and l.expires_at > now()
                left join mailbox_push p on p.mailbox_id = l.mailbox_id and p.holder = l.holder
                left join graph_subscription g on g.mailbox_id = i.id
                    and exists (select 1 from mailbox m where m.id = i.id and m.transport = 'GRAPH')
                where s.mailbox_id is not null or l.mailbox_id is not null or g.mailbox_id is not null""")
                .bind("ids", mailboxIds.toArray(UUID[]::new))
                .map(row -> {
                    UUID id = row.get("id", UUID.class);
                    String lastState = row.get("last_state", String.class);
                    String failureState = row.get("last_failure_state", String.class);
                    SyncStatus lastSync = lastState == null
                            ? null
                            : SyncStatus.recorded(
                                    id,
                                    SyncState.valueOf(lastState),
                                    row.get("new_messages", Integer.class),
                                    Duration.between(
                                                    row.get("last_started_at", OffsetDateTime.class),
                                                    row.get("last_finished_at", OffsetDateTime.class))
                                            .toMillis(),
                                    emptyToNull(row.get("last_reason", String.class)),
                                    row.get("last_finished_at", OffsetDateTime.class));
                    SyncStatus lastFailure = failureState == null
                            ? null
                            : SyncStatus.recorded(
                                    id,
                                    SyncState.valueOf(failureState),
                                    null,
                                    0,
                                    emptyToNull(row.get("last_failure_reason", String.class)),
                                    row.get("last_failed_at", OffsetDateTime.class));
                    PushStatus held = Boolean.TRUE.equals(row.get("leased", Boolean.class))
                            ? heldPush(
                                    row.get("push_state", String.class),
                                    row.get("push_since", OffsetDateTime.class),
                                    row.get("push_reason", String.class))
                            : graphPush(
                                    row.get("subscription_id", String.class),
                                    row.get("subscription_expires_at", OffsetDateTime.class),
                                    row.get("subscribed_at", OffsetDateTime.class),
                                    row.get("subscription_error", String.class),
                                    row.get("subscription_failed_at", OffsetDateTime.class));
                    return Map.entry(id, new MailboxHealth(lastSync, lastFailure, held));
                })
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static PushStatus heldPush(String state, OffsetDateTime since, String reason) {
        if (state == null) {
            return new PushStatus(PushState.CONNECTING, null, null);
        }
        return new PushStatus(PushState.valueOf(state), since, emptyToNull(reason));
    }

    /**
     * A Graph mailbox's push state from its subscription: WATCHING while one is live, FAILING with the reason while
     * none could be had; null when none was tried yet.
     */
    private static PushStatus graphPush(
            String subscriptionId,
            OffsetDateTime expiresAt,
            OffsetDateTime subscribedAt,
            String error,
            OffsetDateTime failedAt) {
        if (subscriptionId != null && expiresAt != null && expiresAt.isAfter(OffsetDateTime.now())) {
            return new PushStatus(PushState.WATCHING, subscribedAt, GRAPH_WATCHING);
        }
        if (error != null) {
            return new PushStatus(
                    PushState.FAILING,
                    failedAt,
                    "Microsoft Graph would not subscribe to the inbox's "
                            + "changes, so new mail arrives with the delta poll: " + error);
        }
        return null;
    }

    static final String GRAPH_WATCHING =
            "Microsoft Graph sends a change notification for new mail in the inbox; a delta run stores it.";

    private static String emptyToNull(String reason) {
        return reason == null || reason.isEmpty() ? null : reason;
    }
}
