package com.m365console.sync;

import com.m365console.mail.FolderReader;
import com.m365console.mailbox.MailTransport;
import com.m365console.mailbox.MailboxDirectory;
import com.m365console.mailbox.MailboxState;
import com.m365console.mailbox.MailboxView;
import com.m365console.settings.EmailSyncSettingsService;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Starts synchronisation runs ({@link SyncRun}) so that each mailbox has at most one at a time, everywhere: inside
 * this instance a second request joins the running run, and across instances the SYNC lease in PostgreSQL keeps them
 * apart (its holder renews it with a heartbeat and releases it on every outcome; a dead holder's lease lapses within
 * its short TTL). Every run ends in a {@link SyncOutcome} that is published, recorded and logged, whatever stopped it.
 * Runs are detached from whoever asked: a closed browser tab does not stop a sync.
 */
@Service
public class MailboxSynchronizer {

    private static final Logger log = LoggerFactory.getLogger(MailboxSynchronizer.class);
    /** About an hour of retries at the longest backoff. */
    private static final long RECORD_ATTEMPTS = 120;

    private final MailboxDirectory mailboxes;
    private final ImapConnector connector;
    private final MessageStore store;
    private final SyncLeases leases;
    private final SyncEvents events;
    private final SyncSchedule schedule;
    private final EmailSyncSettingsService syncSettings;
    private final SyncRunProperties properties;
    private final FlagReconciliations reconciliations;
    private final SyncMeters meters;
    private final GraphTokenSource graphTokens;
    private final GraphRuns graphRuns;
    private final String instance = UUID.randomUUID().toString();
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();

    MailboxSynchronizer(
            MailboxDirectory mailboxes,
            ImapConnector connector,
            MessageStore store,
            SyncLeases leases,
            SyncEvents events,
            SyncSchedule schedule,
            EmailSyncSettingsService syncSettings,
            SyncRunProperties properties,
            SyncMeters meters,
            GraphTokenSource graphTokens,
            GraphRuns graphRuns) {
        this.graphTokens = graphTokens;
        this.graphRuns = graphRuns;
        this.mailboxes = mailboxes;
        this.connector = connector;
        this.store = store;
        this.leases = leases;
        this.events = events;
        this.schedule = schedule;
        this.syncSettings = syncSettings;
        this.properties = properties;
        this.meters = meters;
        this.reconciliations = new FlagReconciliations(properties.flagsReconcileEvery());
    }

    /**
     * Synchronises the mailbox's selected folders (INBOX when none is selected), or joins the full run this instance
     * is running; after this instance's push run of the mailbox, when one is running. Busy while another instance
     * holds the mailbox.
     */
    public Mono<SyncOutcome> sync(UUID mailboxId) {
        return fullRun(mailboxId, overItsTransport(graphTokens));
    }

    /**
     * As {@link #sync(UUID)}, over Microsoft Graph whatever the mailbox's transport, with Graph tokens from
     * {@code tokens}: the same lease, steps, outcome and record. For tests that issue the tokens themselves.
     */
    public Mono<SyncOutcome> syncOverGraph(UUID mailboxId, GraphTokenSource tokens) {
        return fullRun(mailboxId, graphRun(tokens));
    }

    /** IMAP for a mailbox connected over IMAP and SMTP, Microsoft Graph for one connected over Graph. */
    private RunBody overItsTransport(GraphTokenSource tokens) {
        RunBody overGraph = graphRun(tokens);
        return (mailbox, running, progress) -> mailbox.transport() == MailTransport.GRAPH
                ? overGraph.run(mailbox, running, progress)
                : imapRun(mailbox, running, progress);
    }

    private Mono<SyncOutcome> fullRun(UUID mailboxId, RunBody body) {
        return Mono.defer(() -> {
            Running[] started = new Running[1];
            Running run = running.compute(
                    mailboxId,
                    (id, current) ->
                            current != null && current.full ? current : (started[0] = new Running(true, current)));
            if (started[0] != null) {
                launch(
                        mailboxId,
                        started[0],
                        body,
                        (outcome, ended) -> syncSettings
                                .current()
                                .flatMap(settings -> schedule.record(
                                        outcome,
                                        ended,
                                        Duration.ofMinutes(settings.intervalMinutes()),
                                        properties.retryFirst())));
            }
            return run.outcome();
        });
    }

    /**
     * Stores the mail that came into one folder since its checkpoint, over a reader the caller keeps open (the push
     * watcher's IDLE connection): no reconciliation, and the next scheduled run stays where it is. Busy, publishing
     * nothing, while any other run holds the mailbox.
     */
    public Mono<SyncOutcome> syncNewMail(UUID mailboxId, FolderReader reader, String folder) {
        return Mono.defer(() -> {
            Running run = new Running(false, null);
            if (running.putIfAbsent(mailboxId, run) != null) {
                return Mono.just(new SyncOutcome.Busy());
            }
            launch(
                    mailboxId,
                    run,
                    (mailbox, running, progress) -> Mono.fromCallable(() -> {
                        SyncRun sync = newImapRun(mailboxId, progress);
                        running.attach(sync);
                        return sync.syncNewMail(reader, folder);
                    }),
                    (outcome, ended) -> schedule.recordUnscheduled(ended));
            return run.outcome();
        });
    }

    /** Stops this instance's runs before their next batch, releasing their leases for another instance. */
    @PreDestroy
    void stopAll() {
        running.values()
                .forEach(run -> run.stop("This instance of the console is shutting down; the "
                        + "synchronisation goes on from here at its next start or on another instance."));
    }

    private Mono<SyncOutcome> imapRun(MailboxView mailbox, Running running, SyncProgress progress) {
        return Mono.fromCallable(() -> {
            SyncRun run = newImapRun(mailbox.id(), progress);
            running.attach(run);
            return run.syncFolders(folders(mailbox), () -> connector.connect(mailbox));
        });
    }

    private RunBody graphRun(GraphTokenSource tokens) {
        return (mailbox, running, progress) ->
                graphRuns.run(mailbox, folders(mailbox), tokens, progress, running::attach);
    }

    private static List<String> folders(MailboxView mailbox) {
        return mailbox.selectedFolders().isEmpty() ? List.of("INBOX") : mailbox.selectedFolders();
    }

    private SyncRun newImapRun(UUID mailboxId, SyncProgress progress) {
        return new SyncRun(
                mailboxId, store, progress, properties.batchSize(), properties.storeTimeout(), reconciliations);
    }

    /**
     * Runs after the run it follows, under the lease; publishes, records and logs the outcome (also when the lease
     * itself could not be had); forgets the run, then answers (so a request after the answer starts a new run) once
     * the lease is released.
     */
    private void launch(UUID mailboxId, Running run, RunBody body, Recorder record) {
        Mono<Void> after =
                run.follows == null ? Mono.empty() : run.follows.outcome().then();
        after.then(leased(mailboxId, run, body, record))
                .onErrorResume(failure -> finish(
                        mailboxId, ended(mailboxId, SyncFailures.outcome(failure, 0, Duration.ZERO), failure), record))
                .flux()
                .last()
                .doOnSuccess(outcome -> running.remove(mailboxId, run))
                .subscribe(run.result::tryEmitValue);
    }

    private Mono<SyncOutcome> leased(UUID mailboxId, Running run, RunBody body, Recorder record) {
        return leases.acquire(mailboxId, SyncLeases.Purpose.SYNC, instance, properties.leaseTtl())
                .flatMap(acquired -> !acquired
                        ? Mono.just(new SyncOutcome.Busy())
                        : Mono.usingWhen(
                                schedule.started(mailboxId, properties.leaseTtl())
                                        .thenReturn(mailboxId),
                                held -> attempt(mailboxId, run, body)
                                        .flatMap(outcome -> finish(mailboxId, outcome, record)),
                                held -> release(mailboxId),
                                (held, failure) -> release(mailboxId),
                                held -> release(mailboxId)));
    }

    /** The run itself on a thread of its own, with the lease's heartbeat beside it; every failure becomes an outcome. */
    private Mono<SyncOutcome> attempt(UUID mailboxId, Running running, RunBody body) {
        SyncProgress progress = new PublishedProgress(mailboxId);
        return mailboxes
                .find(mailboxId)
                .flatMap(mailbox -> mayLogIn(mailbox)
                        ? Mono.using(
                                () -> heartbeat(mailboxId, running),
                                beat -> body.run(mailbox, running, progress).subscribeOn(Schedulers.boundedElastic()),
                                Disposable::dispose)
                        : Mono.just(notNow(mailbox)))
                .defaultIfEmpty(new SyncOutcome.NotConnected("The mailbox no longer exists."))
                .onErrorResume(failure -> Mono.just(
                        ended(mailboxId, SyncFailures.outcome(failure, running.stored(), running.took()), failure)));
    }

    /** Renews the lease while the run works; a lease another holder took over stops the run. */
    private Disposable heartbeat(UUID mailboxId, Running run) {
        return Flux.interval(properties.leaseRenewEvery())
                .concatMap(tick -> leases.renew(mailboxId, SyncLeases.Purpose.SYNC, instance, properties.leaseTtl())
                        .onErrorResume(failure -> {
                            log.warn("Mailbox {}: could not renew the sync lease: {}", mailboxId, failure.toString());
                            return Mono.just(true);
                        }))
                .filter(kept -> !kept)
                .next()
                .subscribe(lost -> {
                    log.warn("Mailbox {}: another instance took over the sync lease; stopping this run", mailboxId);
                    run.stop("This run lost its hold on the mailbox (the database did not answer for longer than "
                            + properties.leaseTtl().toSeconds() + " s); another run goes on from its last checkpoint.");
                });
    }

    private Mono<SyncOutcome> finish(UUID mailboxId, SyncOutcome outcome, Recorder record) {
        log(mailboxId, outcome);
        SyncStatus ended = outcome.status(mailboxId);
        meters.ended(outcome, ended);
        events.publish(ended);
        return record.record(outcome, ended)
                .onErrorResume(failure -> {
                    log.error(
                            "Mailbox {}: could not record the sync's outcome ({}): {}; recording it once the "
                                    + "database answers",
                            mailboxId,
                            outcome.getClass().getSimpleName(),
                            failure.toString());
                    recordWhenTheDatabaseIsBack(mailboxId, outcome, ended, record);
                    return Mono.empty();
                })
                .thenReturn(outcome);
    }

    /**
     * A failure the database could not record would leave the mailbox's next attempt where it was (maybe an interval
     * away): recording it later makes the schedule retry soon after the database is back.
     */
    private void recordWhenTheDatabaseIsBack(UUID mailboxId, SyncOutcome outcome, SyncStatus ended, Recorder record) {
        Mono.defer(() -> record.record(outcome, ended))
                .retryWhen(Retry.backoff(RECORD_ATTEMPTS, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(
                        recorded -> {},
                        failure -> log.error(
                                "Mailbox {}: gave up recording the sync's outcome: {}", mailboxId, failure.toString()),
                        () -> log.info(
                                "Mailbox {}: recorded the sync's outcome " + "now that the database answers",
                                mailboxId));
    }

    private Mono<Void> release(UUID mailboxId) {
        return leases.release(mailboxId, SyncLeases.Purpose.SYNC, instance).onErrorResume(failure -> {
            log.warn(
                    "Mailbox {}: could not release the sync lease ({}); it lapses within {} s",
                    mailboxId,
                    failure.toString(),
                    properties.leaseTtl().toSeconds());
            return Mono.empty();
        });
    }

    /** An outcome reached without the run's own steps (the lease or the mailbox could not be read): published too. */
    private SyncOutcome ended(UUID mailboxId, SyncOutcome outcome, Throwable failure) {
        if (SyncFailures.isUnexpected(failure)) {
            log.error("Mailbox {}: the sync stopped on an unexpected error", mailboxId, failure);
        }
        return outcome;
    }

    private static void log(UUID mailboxId, SyncOutcome outcome) {
        if (outcome instanceof SyncOutcome.Succeeded done) {
            log.info(
                    "Mailbox {}: sync succeeded in {} ms, {} new messages{}{}",
                    mailboxId,
                    done.took().toMillis(),
                    done.newMessages(),
                    done.skippedFolders().isEmpty() ? "" : ", skipped " + done.skippedFolders(),
                    done.readAgain().isEmpty() ? "" : ", read again in full " + done.readAgain());
        } else if (outcome instanceof SyncOutcome.Failed failed) {
            log.warn(
                    "Mailbox {}: sync failed after {} ms and {} stored messages: {}",
                    mailboxId,
                    failed.took().toMillis(),
                    failed.storedBeforeFailure(),
                    failed.reason());
        } else {
            log.info("Mailbox {}: sync ended {}", mailboxId, outcome);
        }
    }

    /** A mailbox whose mail access was refused is still tried: an IMAP login that works again lifts its refusal. */
    private static boolean mayLogIn(MailboxView mailbox) {
        return mailbox.state() == MailboxState.CONNECTED || mailbox.state() == MailboxState.ACCESS_REFUSED;
    }

    private static SyncOutcome notNow(MailboxView mailbox) {
        return mailbox.state() == MailboxState.NEEDS_REAUTH
                ? new SyncOutcome.NeedsReauth(mailbox.lastError())
                : new SyncOutcome.NotConnected(
                        mailbox.lastError() != null ? mailbox.lastError() : "The mailbox is not connected.");
    }

    /** Records how a run ended, as of the time it ended (a late record never hides a newer run's). */
    private interface Recorder {
        Mono<Void> record(SyncOutcome outcome, SyncStatus ended);
    }

    /** What a run does once it holds the mailbox: makes its run, attaches it (so it can be stopped), runs it. */
    private interface RunBody {
        Mono<SyncOutcome> run(MailboxView mailbox, Running running, SyncProgress progress);
    }

    /** Publishes a run's steps as they happen. */
    private final class PublishedProgress implements SyncProgress {
        private final UUID mailboxId;

        PublishedProgress(UUID mailboxId) {
            this.mailboxId = mailboxId;
        }

        @Override
        public void connecting() {
            events.publish(SyncStatus.step(mailboxId, SyncState.CONNECTING));
        }

        @Override
        public void folder(String folder, int done, int total) {
            events.publish(SyncStatus.progress(mailboxId, folder, done, total));
        }
    }

    /** A run this instance started (full, or a push run's new mail), and the run it waits for first, if any. */
    private static final class Running {
        private final boolean full;
        private final Running follows;
        private final Sinks.One<SyncOutcome> result = Sinks.one();
        private volatile StoppableRun run;
        private volatile String stopReason;

        Running(boolean full, Running follows) {
            this.full = full;
            this.follows = follows;
        }

        Mono<SyncOutcome> outcome() {
            return result.asMono();
        }

        void attach(StoppableRun attached) {
            run = attached;
            if (stopReason != null) {
                attached.stop(stopReason);
            }
        }

        void stop(String reason) {
            stopReason = reason;
            StoppableRun current = run;
            if (current != null) {
                current.stop(reason);
            }
        }

        int stored() {
            StoppableRun current = run;
            return current == null ? 0 : current.stored();
        }

        Duration took() {
            StoppableRun current = run;
            return current == null ? Duration.ZERO : current.took();
        }
    }
}
