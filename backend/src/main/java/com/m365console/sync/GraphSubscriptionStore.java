package com.m365console.sync;

import com.m365console.graph.GraphSubscription;
import com.m365console.platform.crypto.SecretDigests;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The change-notification subscription of each mailbox connected over Graph, as every instance reads it: created or
 * renewed by whichever instance runs the mailbox's sync, looked up by whichever instance Graph's notification reaches.
 */
@Repository
class GraphSubscriptionStore {

    /** What is known of a mailbox's subscription; the id and end are null when it has none (or Graph removed it). */
    record Stored(String subscriptionId, OffsetDateTime expiresAt, boolean renewRequested, OffsetDateTime lastErrorAt) {

        boolean live(OffsetDateTime at) {
            return subscriptionId != null && expiresAt != null && expiresAt.isAfter(at);
        }
    }

    /** Whose subscription a notification names, and the SHA-256 of the client state it must carry. */
    record Subscriber(UUID mailboxId, String clientStateSha256) {

        /** Whether a notification carrying this client state is Graph's for this subscription. */
        boolean sentWith(String clientState) {
            return clientStateSha256 != null
                    && SecretDigests.matches(clientState, HexFormat.of().parseHex(clientStateSha256));
        }
    }

    private final DatabaseClient db;

    GraphSubscriptionStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Stored> find(UUID mailboxId) {
        return db.sql("""
                select subscription_id, expires_at, renew_requested, last_error_at from graph_subscription
                where mailbox_id = :id""")
                .bind("id", mailboxId)
                .map(row -> new Stored(
                        row.get("subscription_id", String.class),
                        row.get("expires_at", OffsetDateTime.class),
                        Boolean.TRUE.equals(row.get("renew_requested", Boolean.class)),
                        row.get("last_error_at", OffsetDateTime.class)))
                .one();
    }

    /**
     * Whose subscription this is, while its mailbox is still connected over Graph; a subscription left behind by a
     * disconnected mailbox, or one switched to IMAP, lapses at Graph and its notifications count for nothing.
     */
    Mono<Subscriber> subscriber(String subscriptionId) {
        return db.sql("""
                select g.mailbox_id, g.client_state_sha256 from graph_subscription g join mailbox m on m.id = g.mailbox_id
                where g.subscription_id = :id and m.transport = 'GRAPH' and m.state in ('CONNECTED', 'ACCESS_REFUSED')""")
                .bind("id", subscriptionId)
                .map(row ->
                        new Subscriber(row.get("mailbox_id", UUID.class), row.get("client_state_sha256", String.class)))
                .one();
    }

    /** A subscription Graph just created, replacing any earlier one and its failure; its client state only hashed. */
    Mono<Void> created(UUID mailboxId, GraphSubscription subscription, String clientState) {
        return db.sql("""
                insert into graph_subscription (mailbox_id, subscription_id, client_state_sha256, expires_at, created_at)
                values (:id, :subscription, :hash, :expires, now())
                on conflict (mailbox_id) do update set subscription_id = excluded.subscription_id,
                    client_state_sha256 = excluded.client_state_sha256, expires_at = excluded.expires_at,
                    created_at = excluded.created_at, renew_requested = false, last_error = null,
                    last_error_at = null""")
                .bind("id", mailboxId)
                .bind("subscription", subscription.id())
                .bind("hash", HexFormat.of().formatHex(SecretDigests.sha256(clientState)))
                .bind("expires", subscription.expiresAt())
                .then();
    }

    Mono<Void> renewed(UUID mailboxId, GraphSubscription subscription) {
        return db.sql("""
                update graph_subscription set expires_at = :expires, renew_requested = false, last_error = null,
                    last_error_at = null where mailbox_id = :id and subscription_id = :subscription""")
                .bind("id", mailboxId)
                .bind("subscription", subscription.id())
                .bind("expires", subscription.expiresAt())
                .then();
    }

    /** Creating or renewing failed: the mailbox polls meanwhile, and the reason shows as its push state. */
    Mono<Void> failed(UUID mailboxId, String reason) {
        return db.sql("""
                insert into graph_subscription (mailbox_id, last_error, last_error_at) values (:id, :reason, now())
                on conflict (mailbox_id) do update set last_error = excluded.last_error,
                    last_error_at = excluded.last_error_at""").bind("id", mailboxId).bind("reason", reason).then();
    }

    /** The mailbox has no subscription any more (Graph removed it, or it is no longer wanted). */
    Mono<Void> forget(UUID mailboxId) {
        return db.sql("""
                update graph_subscription set subscription_id = null, client_state_sha256 = null, expires_at = null,
                    created_at = null, renew_requested = false where mailbox_id = :id""").bind("id", mailboxId).then();
    }

    /**
     * Graph told of a change (or missed ones): the mailbox is due for a delta run once any run that started before
     * now has ended; with {@code renew}, its next run renews the subscription first.
     */
    Mono<Void> notified(UUID mailboxId, boolean renew) {
        return db.sql("""
                update graph_subscription set notified_at = now(), renew_requested = renew_requested or :renew
                where mailbox_id = :id""").bind("id", mailboxId).bind("renew", renew).then();
    }

    /** Graph removed the subscription: its next run creates a new one. */
    Mono<Void> removed(UUID mailboxId) {
        return forget(mailboxId).then(notified(mailboxId, false));
    }
}
