package com.m365console.sync;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When each mailbox is due for its next scheduled synchronisation, and how its last one went: after a
 * success, one interval later; after failures, sooner but backing off (1, 2, 4 ... minutes, at most the interval).
 */
@Repository
class SyncSchedule {

    private final DatabaseClient db;

    SyncSchedule(DatabaseClient db) {
        this.db = db;
    }

    /** Connected mailboxes (or refused mail access, tried until it works again) whose next attempt is due. */
    Flux<UUID> due(int limit) {
        return db.sql("""
                select m.id from mailbox m left join mailbox_sync s on s.mailbox_id = m.id
                where m.state in ('CONNECTED', 'ACCESS_REFUSED')
                and (s.next_attempt_at is null or s.next_attempt_at <= now())
                order by s.next_attempt_at nulls first limit :limit""")
                .bind("limit", limit).map(row -> row.get("id", UUID.class)).all();
    }

    /** Connected mailboxes that synchronise their INBOX (as they do when no folder is selected). */
    Flux<UUID> inboxSynchronising() {
        return db.sql("""
                select id from mailbox where state = 'CONNECTED'
                and (cardinality(selected_folders) = 0 or 'INBOX' = any (selected_folders))""")
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** Records the result of a run between schedules (pushed mail) without moving the next scheduled one. */
    Mono<Void> recordUnscheduled(SyncStatus status) {
        return db.sql("""
                insert into mailbox_sync (mailbox_id, last_started_at, last_finished_at, last_state, last_reason,
                    new_messages)
                values (:id, :started, now(), :state, :reason, :newMessages)
                on conflict (mailbox_id) do update set last_started_at = excluded.last_started_at,
                    last_finished_at = excluded.last_finished_at, last_state = excluded.last_state,
                    last_reason = excluded.last_reason, new_messages = excluded.new_messages""")
                .bind("id", status.mailboxId())
                .bind("started", started(status))
                .bind("state", status.state().name())
                .bind("reason", status.reason() == null ? "" : status.reason())
                .bind("newMessages", status.newMessages() == null ? 0 : status.newMessages())
                .then();
    }

    Mono<Void> record(SyncStatus status, Duration interval) {
        boolean succeeded = status.state() == SyncState.SUCCEEDED;
        return db.sql("""
                insert into mailbox_sync (mailbox_id, last_started_at, last_finished_at, last_state, last_reason,
                    new_messages, failures, next_attempt_at)
                values (:id, :started, now(), :state, :reason, :newMessages, :failures,
                    now() + make_interval(secs => :delay))
                on conflict (mailbox_id) do update set last_started_at = excluded.last_started_at,
                    last_finished_at = excluded.last_finished_at, last_state = excluded.last_state,
                    last_reason = excluded.last_reason, new_messages = excluded.new_messages,
                    failures = case when :succeeded then 0 else mailbox_sync.failures + 1 end,
                    next_attempt_at = now() + make_interval(secs => case when :succeeded then :interval
                        else least(:interval, 60 * power(2, least(mailbox_sync.failures, 10))) end)""")
                .bind("id", status.mailboxId())
                .bind("started", started(status))
                .bind("state", status.state().name())
                .bind("reason", status.reason() == null ? "" : status.reason())
                .bind("newMessages", status.newMessages() == null ? 0 : status.newMessages())
                .bind("failures", succeeded ? 0 : 1)
                .bind("delay", (double) (succeeded ? interval.toSeconds() : Math.min(60, interval.toSeconds())))
                .bind("succeeded", succeeded)
                .bind("interval", (double) interval.toSeconds())
                .then();
    }

    private static OffsetDateTime started(SyncStatus status) {
        return status.at().minus(Duration.ofMillis(status.durationMs() == null ? 0 : status.durationMs()));
    }

    /** The last recorded run of a mailbox, as a status. */
    Mono<SyncStatus> last(UUID mailboxId) {
        return db.sql("""
                select last_state, last_reason, new_messages, last_started_at, last_finished_at
                from mailbox_sync where mailbox_id = :id and last_state is not null""")
                .bind("id", mailboxId)
                .map(row -> {
                    OffsetDateTime started = row.get("last_started_at", OffsetDateTime.class);
                    OffsetDateTime finished = row.get("last_finished_at", OffsetDateTime.class);
                    String reason = row.get("last_reason", String.class);
                    return new SyncStatus(mailboxId, SyncState.valueOf(row.get("last_state", String.class)), null,
                            null, null, row.get("new_messages", Integer.class),
                            Duration.between(started, finished).toMillis(), reason == null || reason.isEmpty()
                            ? null : reason, finished);
                })
                .one();
    }
}
