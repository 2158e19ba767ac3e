package com.m365console.sync;

import com.m365console.graph.GraphProperties;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When each mailbox is due for its next scheduled synchronisation, and how its last one (and last failed one) went:
 * after a success, one interval later; after a failure, soon (the first retry), doubling while failures continue, at
 * most the interval; a failed run that stored messages first counts as progress, so its retry comes soon again.
 */
@Repository
class SyncSchedule {

    /** A disabled user's mailboxes wait, neither synchronised nor watched, until the user is enabled again. */
    private static final String OWNER_ENABLED =
            "not exists (select 1 from app_user o where o.id = m.owner_id and not o.enabled)";

    private final DatabaseClient db;

    private final Duration graphPoll;
    private final Duration renewBefore;

    SyncSchedule(DatabaseClient db, GraphProperties graph) {
        this.db = db;
        this.graphPoll = graph.pollInterval();
        this.renewBefore = graph.subscriptionRenewBefore();
    }

    /**
     * Connected mailboxes (or refused mail access, tried until it works again) of enabled owners, due now, that no run
     * holds. A mailbox connected over Graph, not failing, is due again {@code m365.graph.poll-interval} after its last
     * run while it has no live change-notification subscription (or one to renew): that delta poll brings its new mail.
     * With one, it is due when Graph notified a change after its last run started, and on the schedule.
     */
    Flux<UUID> due(int limit) {
        return db.sql("""
                select m.id from mailbox m left join mailbox_sync s on s.mailbox_id = m.id
                where m.state in ('CONNECTED', 'ACCESS_REFUSED') and owner_enabled
                and (s.next_attempt_at is null or s.next_attempt_at <= now()
                    or (m.transport = 'GRAPH' and s.failures = 0
                        and ((s.last_finished_at <= now() - make_interval(secs => :graphPoll)
                                and not exists (select 1 from graph_subscription g where g.mailbox_id = m.id
                                    and g.subscription_id is not null and not g.renew_requested
                                    and g.expires_at > now() + make_interval(secs => :renewBefore)))
                            or exists (select 1 from graph_subscription g where g.mailbox_id = m.id
                                and g.notified_at > coalesce(s.last_started_at, '-infinity')))))
                and not exists (select 1 from sync_lease l where l.mailbox_id = m.id and l.purpose = 'SYNC'
                    and l.expires_at > now())
                order by s.next_attempt_at nulls first limit :limit""".replace("owner_enabled", OWNER_ENABLED))
                .bind("limit", limit)
                .bind("graphPoll", (double) graphPoll.toMillis() / 1000)
                .bind("renewBefore", (double) renewBefore.toMillis() / 1000)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /**
     * Connected IMAP mailboxes of enabled owners that synchronise their INBOX (as they do when no folder is selected):
     * those an IDLE watcher is for. Graph mailboxes get new mail by the delta poll of {@link #due(int)}.
     */
    Flux<UUID> inboxSynchronising() {
        return db.sql("""
                select m.id from mailbox m where m.state = 'CONNECTED' and m.transport = 'IMAP' and owner_enabled
                and (cardinality(selected_folders) = 0 or 'INBOX' = any (selected_folders))""".replace("owner_enabled", OWNER_ENABLED))
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /**
     * Notes that a run started: should its holder die, the mailbox is due again once the lease has lapsed, so another
     * instance resumes from the checkpoint then, not at the next scheduled time.
     */
    Mono<Void> started(UUID mailboxId, Duration leaseTtl) {
        return db.sql("""
                insert into mailbox_sync (mailbox_id, next_attempt_at)
                values (:id, now() + make_interval(secs => :ttl))
                on conflict (mailbox_id) do update
                set next_attempt_at = least(mailbox_sync.next_attempt_at, excluded.next_attempt_at)""")
                .bind("id", mailboxId)
                .bind("ttl", (double) leaseTtl.toMillis() / 1000)
                .then();
    }

    /**
     * Records a scheduled or requested run as of when it ended, and when the next one is due. A record that comes late
     * (the database was down) keeps a newer run's result and only adds its failure, if that is newer.
     */
    Mono<Void> record(SyncOutcome outcome, SyncStatus ended, Duration interval, Duration retryFirst) {
        boolean progress = outcome instanceof SyncOutcome.Failed failed && failed.storedBeforeFailure() > 0;
        return bindResult(db.sql("""
                insert into mailbox_sync (mailbox_id, last_started_at, last_finished_at, last_state, last_reason,
                    new_messages, failures, next_attempt_at, last_failure_state, last_failure_reason, last_failed_at)
                values (:id, :started, :finished, :state, :reason, :newMessages, case when :succeeded then 0 else 1 end,
                    now() + make_interval(secs => case when :succeeded then :interval else :retry end),
                    case when :succeeded then null else :state end, case when :succeeded then null else :reason end,
                    case when :succeeded then null else :finished end)
                on conflict (mailbox_id) do update set
                    failures = case when not newer_run then mailbox_sync.failures when :succeeded then 0
                        when :progress then 1 else mailbox_sync.failures + 1 end,
                    next_attempt_at = case when not newer_run then mailbox_sync.next_attempt_at
                        else now() + make_interval(secs => case when :succeeded then :interval when :progress then :retry
                        else least(:interval, :retry * power(2, least(mailbox_sync.failures, 20))) end) end,
                """.replace("newer_run", NEWER_RUN) + LATEST_RESULT), ended)
                .bind("progress", progress)
                .bind("interval", (double) interval.toSeconds())
                .bind("retry", (double) Math.min(retryFirst.toMillis(), interval.toMillis()) / 1000)
                .then();
    }

    /** Records a run between schedules (pushed mail) without moving the next scheduled one. */
    Mono<Void> recordUnscheduled(SyncStatus ended) {
        return bindResult(db.sql("""
                insert into mailbox_sync (mailbox_id, last_started_at, last_finished_at, last_state, last_reason,
                    new_messages, last_failure_state, last_failure_reason, last_failed_at)
                values (:id, :started, :finished, :state, :reason, :newMessages,
                    case when :succeeded then null else :state end, case when :succeeded then null else :reason end,
                    case when :succeeded then null else :finished end)
                on conflict (mailbox_id) do update set
                """ + LATEST_RESULT), ended).then();
    }

    private static final String NEWER_RUN = "(mailbox_sync.last_finished_at is null"
            + " or mailbox_sync.last_finished_at <= excluded.last_finished_at)";

    /** The last result and the last failure, each replaced only by a newer one. */
    private static final String LATEST_RESULT = """
                last_started_at = case when newer_run then excluded.last_started_at else mailbox_sync.last_started_at end,
                last_finished_at = case when newer_run then excluded.last_finished_at
                    else mailbox_sync.last_finished_at end,
                last_state = case when newer_run then excluded.last_state else mailbox_sync.last_state end,
                last_reason = case when newer_run then excluded.last_reason else mailbox_sync.last_reason end,
                new_messages = case when newer_run then excluded.new_messages else mailbox_sync.new_messages end,
                last_failure_state = case when newer_failure then excluded.last_failure_state
                    else mailbox_sync.last_failure_state end,
                last_failure_reason = case when newer_failure then excluded.last_failure_reason
                    else mailbox_sync.last_failure_reason end,
                last_failed_at = case when newer_failure then excluded.last_failed_at else mailbox_sync.last_failed_at end
            """.replace("newer_run", NEWER_RUN).replace(
            "newer_failure",
            "(excluded.last_failed_at is not null and (mailbox_sync.last_failed_at is null"
                    + " or mailbox_sync.last_failed_at <= excluded.last_failed_at))");

    /** The run's result, as both records write it: when it started and ended, how, why, and what it stored. */
    private static GenericExecuteSpec bindResult(GenericExecuteSpec statement, SyncStatus ended) {
        return statement
                .bind("id", ended.mailboxId())
                .bind("started", started(ended))
                .bind("finished", ended.at())
                .bind("state", ended.state().name())
                .bind("reason", ended.reason() == null ? "" : ended.reason())
                .bind("newMessages", ended.newMessages() == null ? 0 : ended.newMessages())
                .bind("succeeded", ended.state() == SyncState.SUCCEEDED);
    }

    private static OffsetDateTime started(SyncStatus status) {
        return status.at().minus(Duration.ofMillis(status.durationMs() == null ? 0 : status.durationMs()));
    }
}
