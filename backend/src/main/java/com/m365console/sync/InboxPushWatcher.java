package com.m365console.sync;

import com.m365console.mail.ImapFolderReader;
import com.m365console.mail.MailFailure;
import com.m365console.mail.MailServerException;
import com.m365console.mailbox.MailboxUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps one mailbox's INBOX open in IMAP IDLE and stores new mail as soon as the server announces it, without a
 * thread of its own: each step (log in, sync, start or end IDLE, retry) is a short task on the watchers' shared pool,
 * IDLE waits in the shared selector, a sync runs on its own and hands back, and a retry is a scheduled task. It logs
 * in again with a fresh token before the current one expires, renews IDLE regularly (RFC 2177 asks for less than 29
 * minutes), and after a failure reconnects within seconds, waiting longer only while failures go on: a connection that
 * logged in and stored the INBOX's new mail counts as working and starts the backoff from the first retry again. It
 * stops when the mailbox needs reconnecting or its mail access is refused (a renewed token was refused too): the
 * watchers start it again once the mailbox is CONNECTED. Every change of its state is written through
 * {@link PushStateWriter}, so every instance shows it.
 */
final class InboxPushWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxPushWatcher.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);
    private static final Duration BUSY_RETRY = Duration.ofMillis(100);
    /** From this many failures in a row the state is FAILING rather than RECONNECTING. */
    static final int FAILING_AFTER = 3;

    /** Where the watcher is; only IDLING and RETRYING can be left from outside (by new mail, a tick, stop). */
    private enum Step {
        BUSY,
        IDLING,
        RETRYING,
        FINISHED
    }

    private final UUID mailboxId;
    private final PushConnector connector;
    private final MailboxSynchronizer synchronizer;
    private final SyncEvents events;
    private final PushProperties properties;
    private final PushStateWriter health;
    private final ScheduledExecutorService pool;
    private final AtomicReference<Step> step = new AtomicReference<>(Step.BUSY);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ImapFolderReader reader;
    private volatile Instant renewAt = Instant.MAX;
    private volatile Instant reconnectAt = Instant.MAX;
    /** Only touched by steps, which run one after another. */
    private int failures;
    /** Whether the current connection logged in and stored new mail: then its failure starts a new backoff. */
    private boolean worked;

    InboxPushWatcher(
            UUID mailboxId,
            PushConnector connector,
            MailboxSynchronizer synchronizer,
            SyncEvents events,
            PushProperties properties,
            PushStateWriter health,
            ScheduledExecutorService pool) {
        this.mailboxId = mailboxId;
        this.connector = connector;
        this.synchronizer = synchronizer;
        this.events = events;
        this.properties = properties;
        this.health = health;
        this.pool = pool;
    }

    /** Logs in for the first time, on the pool. */
    void start() {
        next(() -> {
            health.connecting();
            connect();
        });
    }

    /** Asks the watcher to end; it leaves IDLE (or its wait before a retry) at once, or after its current step. */
    void stop() {
        stopped.set(true);
        leaveWaiting();
    }

    /** Waits up to the timeout for the watcher to have logged out; answers whether it has. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isStopped() {
        return stopped.get();
    }

    /** How many IMAP connections this watcher has opened so far. */
    int connections() {
        return connections.get();
    }

    /** Called regularly: ends IDLE when it is time to renew it, to log in again, or to stop. Cheap. */
    void wakeIfDue() {
        if (step.get() == Step.IDLING && (isStopped() || due())) {
            leaveWaiting();
        }
    }

    private boolean due() {
        Instant now = Instant.now();
        return !now.isBefore(renewAt) || !now.isBefore(reconnectAt);
    }

    /** From any thread: new mail, a closed connection, a due renewal or stop ends IDLE; stop also ends a retry wait. */
    private void leaveWaiting() {
        if (step.compareAndSet(Step.IDLING, Step.BUSY)) {
            next(this::leaveIdle);
        } else if (isStopped() && step.compareAndSet(Step.RETRYING, Step.BUSY)) {
            next(this::finish);
        }
    }

    private void next(Runnable task) {
        pool.execute(() -> run(task));
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException ex) {
            failed(ex);
        }
    }

    private void connect() {
        if (isStopped()) {
            finish();
            return;
        }
        worked = false;
        PushConnector.Connection connection = connector.open(mailboxId);
        connections.incrementAndGet();
        reader = connection.reader();
        if (!reader.canIdle()) {
            throw new IllegalStateException(
                    "The IMAP server does not offer IDLE; new mail arrives on the schedule instead.");
        }
        reconnectAt = reconnectTime(connection.tokenExpiresAt());
        storeNewMail(true);
    }

    /** Runs a new-mail sync over this connection (waiting with backoff while another run holds the mailbox). */
    private void storeNewMail(boolean firstOnConnection) {
        ImapFolderReader current = reader;
        current.takeNewMail();
        synchronizer
                .syncNewMail(mailboxId, current, PushConnector.INBOX)
                .filter(result -> !(result instanceof SyncOutcome.Busy))
                .repeatWhenEmpty(attempts -> attempts.takeWhile(attempt -> !isStopped())
                        .concatMap(attempt -> Mono.delay(BUSY_RETRY.multipliedBy(1L << Math.min(attempt, 5)))))
                .defaultIfEmpty(new SyncOutcome.Busy())
                .subscribe(
                        outcome -> next(() -> stored(outcome, firstOnConnection)),
                        failure -> next(() -> failed(
                                failure instanceof RuntimeException runtime
                                        ? runtime
                                        : new IllegalStateException(failure.getMessage(), failure))));
    }

    private void stored(SyncOutcome outcome, boolean firstOnConnection) {
        if (outcome instanceof SyncOutcome.Failed failed) {
            throw new IllegalStateException(failed.reason());
        }
        if (outcome instanceof SyncOutcome.NeedsReauth
                || outcome instanceof SyncOutcome.NotConnected
                || outcome instanceof SyncOutcome.AccessRefused) {
            stopBecause(outcome.status(mailboxId).reason());
            finish();
            return;
        }
        if (firstOnConnection && !isStopped()) {
            worked = true;
            failures = 0;
            health.watching();
        }
        idle();
    }

    /** Waits in IDLE, unless the watcher should stop, log in again, or store mail that came in meanwhile. */
    private void idle() {
        if (isStopped()) {
            finish();
            return;
        }
        if (!Instant.now().isBefore(reconnectAt)) {
            closeReader();
            connect();
            return;
        }
        if (reader.hasNewMail()) {
            storeNewMail(false);
            return;
        }
        renewAt = Instant.now().plus(properties.renewIdleEvery());
        reader.watch(this::leaveWaiting);
        step.set(Step.IDLING);
        if (isStopped() || due() || reader.hasNewMail()) {
            leaveWaiting();
        }
    }

    private void leaveIdle() {
        renewAt = Instant.MAX;
        reader.endIdle();
        if (isStopped() || !Instant.now().isBefore(reconnectAt)) {
            idle();
        } else {
            storeNewMail(false);
        }
    }

    /** Before the token expires by the configured margin, or halfway through a token that lives shorter than that. */
    private Instant reconnectTime(Instant tokenExpiresAt) {
        Duration left = Duration.between(Instant.now(), tokenExpiresAt);
        Duration margin = properties.reauthenticateBeforeExpiry();
        return left.compareTo(margin.multipliedBy(2)) > 0
                ? tokenExpiresAt.minus(margin)
                : Instant.now().plus(left.dividedBy(2));
    }

    private void failed(RuntimeException ex) {
        closeReader();
        if (ex instanceof MailboxUnavailableException unavailable
                && unavailable.reason() != MailboxUnavailableException.Reason.MICROSOFT_UNAVAILABLE) {
            if (unavailable.reason() == MailboxUnavailableException.Reason.NEEDS_REAUTH) {
                events.publish(SyncStatus.ended(mailboxId, SyncState.NEEDS_REAUTH, ex.getMessage()));
            }
            stopBecause(ex.getMessage());
            finish();
            return;
        }
        if (ex instanceof MailServerException refused && refused.failure() == MailFailure.TOKEN_REFUSED) {
            events.publish(SyncStatus.ended(mailboxId, SyncState.ACCESS_REFUSED, ex.getMessage()));
            stopBecause(ex.getMessage());
            finish();
            return;
        }
        retryLater(ex.getMessage());
    }

    /**
     * Records the failure and schedules the next attempt: the first retry after a connection that worked (or the
     * first failure), doubling while failures go on, at most {@link #LAST_RETRY}.
     */
    private void retryLater(String reason) {
        failures = worked ? 1 : failures + 1;
        worked = false;
        String readable = reason == null || reason.isBlank() ? "The connection to the mail server failed." : reason;
        health.failed(readable, failures >= FAILING_AFTER);
        Duration wait = retryWait(failures);
        log.warn(
                "Pushing new mail of mailbox {} failed ({} in a row: {}); trying again in {} ms",
                mailboxId,
                failures,
                readable,
                wait.toMillis());
        step.set(Step.RETRYING);
        ScheduledFuture<?> retry = pool.schedule(
                () -> {
                    if (step.compareAndSet(Step.RETRYING, Step.BUSY)) {
                        run(this::connect);
                    }
                },
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
        if (isStopped() && step.compareAndSet(Step.RETRYING, Step.BUSY)) {
            retry.cancel(false);
            finish();
        }
    }

    private void stopBecause(String reason) {
        log.info("Stopped pushing new mail of mailbox {}: {}", mailboxId, reason);
        health.off(reason);
        stopped.set(true);
    }

    private void finish() {
        closeReader();
        step.set(Step.FINISHED);
        finished.countDown();
    }

    private void closeReader() {
        ImapFolderReader current = reader;
        reader = null;
        renewAt = Instant.MAX;
        if (current != null) {
            current.close();
        }
    }

    /** 2 s, 4 s, 8 s, ... for the 1st, 2nd, 3rd failure in a row, at most {@link #LAST_RETRY}. */
    static Duration retryWait(int failuresInRow) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failuresInRow, 1) - 1, 10));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }
}
