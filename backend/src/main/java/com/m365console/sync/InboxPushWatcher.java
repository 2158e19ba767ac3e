package com.m365console.sync;

import com.m365console.mail.ImapFolderReader;
import com.m365console.mail.MailFailure;
import com.m365console.mail.MailServerException;
import com.m365console.mailbox.MailboxUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps one mailbox's INBOX open in IMAP IDLE on a thread of its own and stores new mail as soon as the
 * server announces it. It logs in again with a fresh token before the current one expires, renews IDLE
 * regularly (RFC 2177 asks for less than 29 minutes), and after a failure reconnects within seconds, waiting longer
 * only while failures go on: a connection that logged in and started IDLE counts as working and starts the backoff
 * from the first retry again. It stops when the mailbox needs reconnecting or its mail access is refused (a renewed
 * token was refused too): the watchers start it again once the mailbox is CONNECTED. Every change of its state is
 * written through {@link PushStateWriter}, so every instance shows it.
 */
final class InboxPushWatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(InboxPushWatcher.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);
    private static final Duration BUSY_RETRY = Duration.ofMillis(100);
    /** From this many failures in a row the state is FAILING rather than RECONNECTING. */
    static final int FAILING_AFTER = 3;

    private final UUID mailboxId;
    private final PushConnector connector;
    private final MailboxSynchronizer synchronizer;
    private final SyncEvents events;
    private final PushProperties properties;
    private final PushStateWriter health;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean waking = new AtomicBoolean();
    private volatile ImapFolderReader reader;
    private volatile Instant renewAt = Instant.MAX;
    private volatile Instant reconnectAt = Instant.MAX;
    /** Whether the current connection logged in and reached IDLE: then its failure starts a new backoff. */
    private boolean worked;

    InboxPushWatcher(
            UUID mailboxId,
            PushConnector connector,
            MailboxSynchronizer synchronizer,
            SyncEvents events,
            PushProperties properties,
            PushStateWriter health) {
        this.mailboxId = mailboxId;
        this.connector = connector;
        this.synchronizer = synchronizer;
        this.events = events;
        this.properties = properties;
        this.health = health;
    }

    @Override
    public void run() {
        try {
            watchUntilStopped();
        } finally {
            finished.countDown();
        }
    }

    private void watchUntilStopped() {
        health.connecting();
        int failures = 0;
        while (!isStopped()) {
            try {
                watchOneConnection();
                failures = 0;
            } catch (MailboxUnavailableException ex) {
                if (ex.reason() != MailboxUnavailableException.Reason.MICROSOFT_UNAVAILABLE) {
                    if (ex.reason() == MailboxUnavailableException.Reason.NEEDS_REAUTH) {
                        events.publish(SyncStatus.ended(mailboxId, SyncState.NEEDS_REAUTH, ex.getMessage()));
                    }
                    stopBecause(ex.getMessage());
                    return;
                }
                failures = waitAfterFailure(failures, ex.getMessage());
            } catch (MailServerException ex) {
                if (ex.failure() == MailFailure.TOKEN_REFUSED) {
                    events.publish(SyncStatus.ended(mailboxId, SyncState.ACCESS_REFUSED, ex.getMessage()));
                    stopBecause(ex.getMessage());
                    return;
                }
                failures = waitAfterFailure(failures, ex.getMessage());
            } catch (RuntimeException ex) {
                failures = waitAfterFailure(failures, ex.getMessage());
            }
        }
    }

    private void stopBecause(String reason) {
        log.info("Stopped pushing new mail of mailbox {}: {}", mailboxId, reason);
        health.off(reason);
        stop();
    }

    /** Asks the watcher to end; it leaves IDLE within a tick of {@link #wakeIfDue()}. */
    void stop() {
        stopped.countDown();
        wakeIfDue();
    }

    /** Waits up to the timeout for the watcher's thread to have logged out; answers whether it has. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** How many IMAP connections this watcher has opened so far. */
    int connections() {
        return connections.get();
    }

    /**
     * Called regularly: ends IDLE when it is time to renew it, to log in again, or to stop. Waking sends a command
     * that can block on a dead connection, so it runs off the caller's thread, one at a time per watcher.
     */
    void wakeIfDue() {
        ImapFolderReader current = reader;
        Instant now = Instant.now();
        if (current != null
                && (isStopped() || !now.isBefore(renewAt) || !now.isBefore(reconnectAt))
                && waking.compareAndSet(false, true)) {
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    current.wake();
                } finally {
                    waking.set(false);
                }
            });
        }
    }

    private void watchOneConnection() {
        worked = false;
        PushConnector.Connection connection = connector.open(mailboxId, properties.renewIdleEvery());
        connections.incrementAndGet();
        try (ImapFolderReader opened = connection.reader()) {
            if (!opened.canIdle()) {
                throw new IllegalStateException(
                        "The IMAP server does not offer IDLE; new mail arrives on the " + "schedule instead.");
            }
            reconnectAt = reconnectTime(connection.tokenExpiresAt());
            reader = opened;
            storeNewMail(opened);
            worked = true;
            health.watching();
            while (!isStopped() && Instant.now().isBefore(reconnectAt)) {
                renewAt = Instant.now().plus(properties.renewIdleEvery());
                opened.awaitChange();
                renewAt = Instant.MAX;
                storeNewMail(opened);
            }
        } finally {
            reader = null;
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

    /** Runs a new-mail sync over this connection, waiting (with backoff) while another run holds the mailbox. */
    private void storeNewMail(ImapFolderReader opened) {
        SyncOutcome outcome = synchronizer
                .syncNewMail(mailboxId, opened, PushConnector.INBOX)
                .filter(result -> !(result instanceof SyncOutcome.Busy))
                .repeatWhenEmpty(attempts -> attempts.takeWhile(attempt -> !isStopped())
                        .concatMap(attempt -> Mono.delay(BUSY_RETRY.multipliedBy(1L << Math.min(attempt, 5)))))
                .block();
        if (outcome instanceof SyncOutcome.Failed failed) {
            throw new IllegalStateException(failed.reason());
        }
        if (outcome instanceof SyncOutcome.NeedsReauth
                || outcome instanceof SyncOutcome.NotConnected
                || outcome instanceof SyncOutcome.AccessRefused) {
            stopBecause(outcome.status(mailboxId).reason());
        }
    }

    /**
     * Records the failure and waits before the next attempt: the first retry after a connection that worked (or the
     * first failure), doubling while failures go on, at most {@link #LAST_RETRY}. Answers the failures in a row.
     */
    private int waitAfterFailure(int failuresBefore, String reason) {
        int failures = worked ? 1 : failuresBefore + 1;
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
        try {
            stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stop();
        }
        return failures;
    }

    /** 2 s, 4 s, 8 s, ... for the 1st, 2nd, 3rd failure in a row, at most {@link #LAST_RETRY}. */
    static Duration retryWait(int failuresInRow) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failuresInRow, 1) - 1, 10));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }
}
