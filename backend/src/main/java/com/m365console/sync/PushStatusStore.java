package com.m365console.sync;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The push state each watcher writes for its mailbox (table {@code mailbox_push}), read back only under its holder's
 * live PUSH lease: a lapsed lease (the holder died or let go) means nobody watches the mailbox.
 */
@Repository
class PushStatusStore {

    private final DatabaseClient db;

    PushStatusStore(DatabaseClient db) {
        this.db = db;
    }

    /** Records the holder's state of the mailbox, replacing whatever an earlier holder wrote. */
    Mono<Void> write(UUID mailboxId, String holder, PushState state, OffsetDateTime since, String reason) {
        return db.sql("""
                insert into mailbox_push (mailbox_id, holder, state, since, reason, updated_at)
                values (:id, :holder, :state, :since, :reason, now())
                on conflict (mailbox_id) do update set holder = excluded.holder, state = excluded.state,
                    since = excluded.since, reason = excluded.reason, updated_at = now()""")
                .bind("id", mailboxId)
                .bind("holder", holder)
                .bind("state", state.name())
                .bind("since", since)
                .bind("reason", reason == null ? "" : reason)
                .then();
    }

    /**
     * The states of those mailboxes that a live PUSH lease holds, in one query; a holder that has not written yet is
     * CONNECTING. Mailboxes without a live lease are left out.
     */
    Mono<Map<UUID, PushStatus>> underLiveLease(Collection<UUID> mailboxIds) {
        if (mailboxIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                select l.mailbox_id, p.state, p.since, p.reason
                from sync_lease l left join mailbox_push p on p.mailbox_id = l.mailbox_id and p.holder = l.holder
                where l.purpose = 'PUSH' and l.expires_at > now() and l.mailbox_id = any (:ids)""")
                .bind("ids", mailboxIds.toArray(UUID[]::new))
                .map(row -> Map.entry(
                        row.get("mailbox_id", UUID.class),
                        status(
                                row.get("state", String.class),
                                row.get("since", OffsetDateTime.class),
                                row.get("reason", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static PushStatus status(String state, OffsetDateTime since, String reason) {
        if (state == null) {
            return new PushStatus(PushState.CONNECTING, null, null);
        }
        return new PushStatus(PushState.valueOf(state), since, reason == null || reason.isEmpty() ? null : reason);
    }
}
