package com.m365console.sync;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Writes the push state each watcher holds for its mailbox (table {@code mailbox_push}); {@link MailboxHealthStore}
 * reads it back only under its holder's live PUSH lease: a lapsed lease (the holder died or let go) means nobody
 * watches the mailbox.
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
}
