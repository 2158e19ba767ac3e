package com.m365console.sync;

import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * One holder per mailbox and purpose at a time, across every instance on the database: a lease row that its
 * holder renews while it works and that anyone may take over once it has expired (its holder died).
 */
@Repository
class SyncLeases {

    /** What a lease is held for. */
    enum Purpose {
        /** Running a synchronisation. */
        SYNC,
        /** Waiting in IMAP IDLE on the INBOX for new mail. */
        PUSH
    }

    private final DatabaseClient db;

    SyncLeases(DatabaseClient db) {
        this.db = db;
    }

    /** True when this holder now holds the mailbox's lease (new, expired, or already its own, then renewed). */
    Mono<Boolean> acquire(UUID mailboxId, Purpose purpose, String holder, Duration ttl) {
        return db.sql("""
                insert into sync_lease (mailbox_id, purpose, holder, expires_at)
                values (:id, :purpose, :holder, now() + make_interval(secs => :seconds))
                on conflict (mailbox_id, purpose) do update
                set holder = excluded.holder, expires_at = excluded.expires_at
                where sync_lease.expires_at < now() or sync_lease.holder = excluded.holder
                returning holder""")
                .bind("id", mailboxId)
                .bind("purpose", purpose.name())
                .bind("holder", holder)
                .bind("seconds", (double) ttl.toMillis() / 1000)
                .map(row -> row.get("holder", String.class))
                .one()
                .map(holder::equals)
                .defaultIfEmpty(false);
    }

    /**
     * The holder's heartbeat: moves its lease's expiry on; false when the lease is no longer its own (it lapsed and
     * another holder took it), so the holder must stop.
     */
    Mono<Boolean> renew(UUID mailboxId, Purpose purpose, String holder, Duration ttl) {
        return db.sql("""
                update sync_lease set expires_at = now() + make_interval(secs => :seconds)
                where mailbox_id = :id and purpose = :purpose and holder = :holder""")
                .bind("id", mailboxId)
                .bind("purpose", purpose.name())
                .bind("holder", holder)
                .bind("seconds", (double) ttl.toMillis() / 1000)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    Mono<Void> release(UUID mailboxId, Purpose purpose, String holder) {
        return db.sql("delete from sync_lease where mailbox_id = :id and purpose = :purpose and holder = :holder")
                .bind("id", mailboxId)
                .bind("purpose", purpose.name())
                .bind("holder", holder)
                .then();
    }
}
