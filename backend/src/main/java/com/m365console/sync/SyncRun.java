package com.m365console.sync;

import com.m365console.mail.FetchedMessage;
import com.m365console.mail.FolderConnection;
import com.m365console.mail.FolderReader;
import com.m365console.mail.FolderStatus;
import com.m365console.mail.FolderSummary;
import com.m365console.mail.MailFolderNotFoundException;
import com.m365console.mail.MessageFlag;
import com.m365console.sync.MessageStore.FolderCheckpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;

/**
 * One synchronisation run of one mailbox, read top-down as its plan: connect once, then for each folder skip it if
 * one STATUS shows no change, else check UIDVALIDITY, fetch and store the new messages in batches (each stored with
 * its checkpoint, so a cut run resumes after the last stored batch), then reconcile flags and deletions. Blocking: it runs
 * on a thread of its own, and each batch's write overlaps the next batch's fetch (at most two batches in memory).
 * Failures leave as exceptions; {@link SyncFailures} turns them into outcomes.
 */
final class SyncRun implements StoppableRun {

    private static final Logger log = LoggerFactory.getLogger(SyncRun.class);

    private final UUID mailboxId;
    private final MessageStore store;
    private final SyncProgress progress;
    private final int batchSize;
    private final Duration storeTimeout;
    private final FlagReconciliations reconciliations;
    private final long startedAt = System.nanoTime();
    private final List<String> skippedFolders = new ArrayList<>();
    private final List<String> renumberedFolders = new ArrayList<>();
    private volatile String stopReason;
    private volatile int stored;

    SyncRun(UUID mailboxId, MessageStore store, SyncProgress progress, int batchSize, Duration storeTimeout) {
        this(mailboxId, store, progress, batchSize, storeTimeout, FlagReconciliations.always());
    }

    SyncRun(
            UUID mailboxId,
            MessageStore store,
            SyncProgress progress,
            int batchSize,
            Duration storeTimeout,
            FlagReconciliations reconciliations) {
        this.reconciliations = reconciliations;
        this.mailboxId = mailboxId;
        this.store = store;
        this.progress = progress;
        this.batchSize = batchSize;
        this.storeTimeout = storeTimeout;
    }

    /** Every selected folder over one connection; a folder the server no longer has is skipped and named. */
    SyncOutcome.Succeeded syncFolders(List<String> folders, Supplier<FolderConnection> connect) {
        log.info("Mailbox {}: sync started, folders {}", mailboxId, folders);
        progress.connecting();
        try (FolderConnection connection = connect.get()) {
            for (String folder : folders) {
                stopIfAsked();
                FolderCheckpoint checkpoint = await(store.folder(mailboxId, folder));
                if (unchanged(connection, folder, checkpoint)) {
                    log.debug("Mailbox {}: folder \"{}\" unchanged by its STATUS", mailboxId, folder);
                    continue;
                }
                try (FolderReader reader = connection.open(folder)) {
                    syncFolder(reader, folder, true, checkpoint);
                } catch (MailFolderNotFoundException gone) {
                    log.warn("Mailbox {}: skipped folder \"{}\": the server no longer has it", mailboxId, folder);
                    skippedFolders.add(folder);
                }
            }
        }
        return succeeded();
    }

    /** The new mail of one folder over a reader the caller keeps open (the push watcher's): no reconciliation. */
    SyncOutcome.Succeeded syncNewMail(FolderReader reader, String folder) {
        syncFolder(reader, folder, false, await(store.folder(mailboxId, folder)));
        return succeeded();
    }

    /** Asks the run to stop before its next batch (lease lost, shutting down); it then fails with this reason. */
    @Override
    public void stop(String reason) {
        stopReason = reason;
    }

    /** Messages stored so far by this run. */
    @Override
    public int stored() {
        return stored;
    }

    @Override
    public Duration took() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** A full run reconciles, and trusts UIDNEXT of its fresh SELECT; a push run's connection is older than its news. */
    private void syncFolder(FolderReader reader, String folder, boolean fullRun, FolderCheckpoint checkpoint) {
        FolderStatus server = reader.status();
        long lastUid = checkUidValidity(checkpoint, server, folder);
        long alreadyStored = await(store.count(checkpoint.id()));
        if (fullRun && lastUid > 0 && nothingNew(server.uidNext(), lastUid)) {
            log.debug("Mailbox {}: folder \"{}\" has nothing new after UID {}", mailboxId, folder, lastUid);
        } else {
            lastUid = fetchAndStoreNew(reader, checkpoint.id(), folder, lastUid, alreadyStored, server.messageCount());
        }
        if (fullRun && alreadyStored > 0) {
            reconcileFlagsAndDeletions(reader, checkpoint.id(), folder, lastUid);
        }
        if (fullRun) {
            reconciliations.done(checkpoint.id());
        }
    }

    /**
     * Whether one STATUS shows the folder as the run left it last time: same UIDVALIDITY, nothing after the checkpoint,
     * as many messages and unread ones as stored, and its flags compared in full recently enough; then it is not opened.
     */
    private boolean unchanged(FolderConnection connection, String folder, FolderCheckpoint checkpoint) {
        if (checkpoint.uidValidity() == null || reconciliations.due(checkpoint.id())) {
            return false;
        }
        Optional<FolderSummary> summary = connection.summary(folder);
        if (summary.isEmpty()
                || summary.get().uidValidity() != checkpoint.uidValidity()
                || !nothingNew(summary.get().uidNext(), checkpoint.lastUid())) {
            return false;
        }
        MessageStore.StoredCounts stored = await(store.counts(checkpoint.id()));
        return stored.messages() == summary.get().messages()
                && stored.unseen() == summary.get().unseen();
    }

    /** The UIDs stored mean nothing under a new UIDVALIDITY: the folder starts over. Answers the UID to resume after. */
    private long checkUidValidity(FolderCheckpoint checkpoint, FolderStatus server, String folder) {
        if (checkpoint.uidValidity() != null && checkpoint.uidValidity() == server.uidValidity()) {
            return checkpoint.lastUid();
        }
        if (checkpoint.uidValidity() != null) {
            renumberedFolders.add(folder);
            log.info(
                    "Mailbox {}: folder \"{}\" has a new UIDVALIDITY ({} was {}); its stored mail is replaced",
                    mailboxId,
                    folder,
                    server.uidValidity(),
                    checkpoint.uidValidity());
        }
        reconciliations.forget(checkpoint.id());
        await(store.restart(checkpoint.id(), server.uidValidity()));
        return 0;
    }

    /** UIDNEXT from SELECT says whether anything came after the checkpoint, without a command (when the server sends it). */
    private static boolean nothingNew(long uidNext, long lastUid) {
        return uidNext > 0 && uidNext <= lastUid + 1;
    }

    /** Fetches batch after batch above {@code lastUid}, storing each with its checkpoint; answers the last UID stored. */
    private long fetchAndStoreNew(
            FolderReader reader, UUID folderId, String folder, long lastUid, long alreadyStored, int total) {
        int done = (int) alreadyStored;
        progress.folder(folder, done, total);
        long cursor = lastUid;
        CompletableFuture<Integer> writing = null;
        while (true) {
            List<FetchedMessage> batch;
            try {
                batch = reader.fetchAfter(cursor, batchSize);
            } catch (RuntimeException fetchFailed) {
                if (writing != null) {
                    stored += awaitWrite(writing);
                }
                throw fetchFailed;
            }
            if (writing != null) {
                int written = awaitWrite(writing);
                stored += written;
                done += written;
                progress.folder(folder, done, Math.max(total, done));
                log.debug(
                        "Mailbox {}: folder \"{}\" stored a batch of {} up to UID {}",
                        mailboxId,
                        folder,
                        written,
                        cursor);
            }
            if (batch.isEmpty()) {
                return cursor;
            }
            stopIfAsked();
            cursor = Math.max(
                    cursor, batch.stream().mapToLong(FetchedMessage::uid).max().orElse(cursor));
            writing = store.store(folderId, batch).toFuture();
        }
    }

    private void reconcileFlagsAndDeletions(FolderReader reader, UUID folderId, String folder, long upToUid) {
        Map<Long, Set<MessageFlag>> present = reader.flags(1, Math.max(upToUid, 1));
        await(store.reconcile(folderId, upToUid, present));
        log.debug(
                "Mailbox {}: folder \"{}\" reconciled {} messages up to UID {}",
                mailboxId,
                folder,
                present.size(),
                upToUid);
    }

    private SyncOutcome.Succeeded succeeded() {
        return new SyncOutcome.Succeeded(stored, took(), skippedFolders, renumberedFolders, List.of());
    }

    private void stopIfAsked() {
        if (stopReason != null) {
            throw new SyncStoppedException(stopReason);
        }
    }

    private <T> T await(Mono<T> step) {
        return step.timeout(storeTimeout, Mono.error(() -> storeTimedOut())).block();
    }

    private int awaitWrite(CompletableFuture<Integer> writing) {
        try {
            return writing.get(storeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed);
        } catch (TimeoutException late) {
            throw storeTimedOut();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SyncStoppedException("The synchronisation was interrupted.");
        }
    }

    private DataAccessResourceFailureException storeTimedOut() {
        return new DataAccessResourceFailureException(
                "The database did not answer within " + storeTimeout.toSeconds() + " s");
    }

    /** The run was asked to stop; the reason is for the user. */
    static final class SyncStoppedException extends RuntimeException {
        SyncStoppedException(String reason) {
            super(reason);
        }
    }
}
