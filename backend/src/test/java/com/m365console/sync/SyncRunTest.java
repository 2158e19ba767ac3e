package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m365console.mail.MailServerException;
import com.m365console.mail.MessageFlag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The sync rules, in memory: batches and checkpoints, resuming, UIDVALIDITY, flags and deletions, stopping. */
class SyncRunTest {

    private static final int BATCH = 10;

    private final UUID mailboxId = UUID.randomUUID();
    private final InMemoryMail.Server server = new InMemoryMail.Server();
    private final InMemoryMail.Store store = new InMemoryMail.Store();
    private final List<String> steps = new ArrayList<>();

    @Test
    void aFirstSyncStoresEveryMessageInBatchesOverOneLogin() {
        server.folder("INBOX").deliver(25);
        server.folder("Archive").deliver(3);

        SyncOutcome.Succeeded outcome = newRun().syncFolders(List.of("INBOX", "Archive"), server::connect);

        assertThat(outcome.newMessages()).isEqualTo(28);
        assertThat(store.uids(mailboxId, "INBOX")).isEqualTo(uids(1, 25));
        assertThat(store.uids(mailboxId, "Archive")).isEqualTo(uids(1, 3));
        assertThat(server.logins.get()).as("one login for the whole run").isEqualTo(1);
        assertThat(steps)
                .startsWith("connecting", "INBOX 0/25", "INBOX 10/25", "INBOX 20/25", "INBOX 25/25")
                .endsWith("Archive 3/3");
    }

    @Test
    void aCutRunResumesAfterItsLastStoredBatchAndStoresNothingTwice() {
        server.folder("INBOX").deliver(45);
        server.cutAfterFetches = 2;
        SyncRun cut = newRun();

        assertThatThrownBy(() -> cut.syncFolders(List.of("INBOX"), server::connect))
                .isInstanceOf(MailServerException.class);
        assertThat(cut.stored()).as("two batches were stored before the cut").isEqualTo(20);

        server.cutAfterFetches = -1;
        SyncOutcome.Succeeded resumed = newRun().syncFolders(List.of("INBOX"), server::connect);

        assertThat(resumed.newMessages()).isEqualTo(25);
        assertThat(store.uids(mailboxId, "INBOX")).isEqualTo(uids(1, 45));
        assertThat(SyncFailures.outcome(
                        new MailServerException(com.m365console.mail.MailFailure.CONNECTION_FAILED, "cut"),
                        cut.stored(),
                        Duration.ZERO))
                .isEqualTo(new SyncOutcome.Failed("cut", 20, Duration.ZERO));
    }

    @Test
    void aNewUidValidityReplacesTheFoldersStoredMail() {
        InMemoryMail.Folder inbox = server.folder("INBOX").deliver(5);
        newRun().syncFolders(List.of("INBOX"), server::connect);
        inbox.deliver(2);
        inbox.messages.remove(1L);
        inbox.renumber(99);

        SyncOutcome.Succeeded outcome = newRun().syncFolders(List.of("INBOX"), server::connect);

        assertThat(outcome.newMessages()).isEqualTo(6);
        assertThat(store.uids(mailboxId, "INBOX")).isEqualTo(uids(1, 6));
        assertThat(outcome.status(mailboxId).reason())
                .as("the user is told")
                .contains("renumbered \"INBOX\" (new UIDVALIDITY)");
    }

    @Test
    void flagsAndDeletionsOnTheServerReachTheStore() {
        InMemoryMail.Folder inbox = server.folder("INBOX").deliver(4);
        newRun().syncFolders(List.of("INBOX"), server::connect);
        inbox.flag(1, MessageFlag.SEEN);
        inbox.messages.remove(2L);

        newRun().syncFolders(List.of("INBOX"), server::connect);

        assertThat(store.uids(mailboxId, "INBOX")).containsExactlyInAnyOrder(1L, 3L, 4L);
        assertThat(store.message(mailboxId, "INBOX", 1).flags()).containsExactly(MessageFlag.SEEN);
    }

    @Test
    void aFolderWithNothingNewIsNotFetched() {
        server.folder("INBOX").deliver(4);
        newRun().syncFolders(List.of("INBOX"), server::connect);
        int fetchesBefore = server.fetches.get();

        SyncOutcome.Succeeded outcome = newRun().syncFolders(List.of("INBOX"), server::connect);

        assertThat(outcome.newMessages()).isZero();
        assertThat(server.fetches.get()).isEqualTo(fetchesBefore);
    }

    @Test
    void aSelectedFolderTheServerNoLongerHasIsSkippedAndNamed() {
        server.folder("INBOX").deliver(1);

        SyncOutcome.Succeeded outcome = newRun().syncFolders(List.of("Gone", "INBOX"), server::connect);

        assertThat(outcome.skippedFolders()).containsExactly("Gone");
        assertThat(outcome.status(mailboxId).reason()).contains("\"Gone\"").contains("no longer has it");
        assertThat(store.uids(mailboxId, "INBOX")).containsExactly(1L);
    }

    @Test
    void aStoppedRunEndsBeforeItsNextBatchWithTheReason() {
        server.folder("INBOX").deliver(30);
        AtomicReference<SyncRun> running = new AtomicReference<>();
        SyncRun run = new SyncRun(
                mailboxId,
                store,
                new SyncProgress() {
                    @Override
                    public void connecting() {}

                    @Override
                    public void folder(String folder, int done, int total) {
                        if (done >= BATCH) {
                            running.get().stop("lost the lease");
                        }
                    }
                },
                BATCH,
                Duration.ofSeconds(5));
        running.set(run);

        assertThatThrownBy(() -> run.syncFolders(List.of("INBOX"), server::connect))
                .isInstanceOf(SyncRun.SyncStoppedException.class)
                .hasMessage("lost the lease");
        assertThat(store.uids(mailboxId, "INBOX"))
                .as("the batch stored before stopping is kept")
                .isEqualTo(uids(1, BATCH));
    }

    @Test
    void aDatabaseThatStopsAnsweringFailsTheRunWithAReadableReason() {
        server.folder("INBOX").deliver(35);
        store.failAfterWrites = 2;
        SyncRun run = newRun();

        Throwable failure = catchFailure(() -> run.syncFolders(List.of("INBOX"), server::connect));

        assertThat(failure).isInstanceOf(DataAccessResourceFailureException.class);
        SyncOutcome outcome = SyncFailures.outcome(failure, run.stored(), run.took());
        assertThat(outcome).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(((SyncOutcome.Failed) outcome).storedBeforeFailure()).isEqualTo(20);
        assertThat(outcome.status(mailboxId).reason()).isEqualTo(SyncFailures.DATABASE);
        assertThat(store.uids(mailboxId, "INBOX")).isEqualTo(uids(1, 20));
    }

    @Test
    void pushedNewMailIsStoredWithoutReconciling() {
        InMemoryMail.Folder inbox = server.folder("INBOX").deliver(3);
        newRun().syncFolders(List.of("INBOX"), server::connect);
        inbox.messages.remove(1L);
        inbox.deliver(2);

        SyncOutcome.Succeeded outcome = newRun().syncNewMail(server.open("INBOX"), "INBOX");

        assertThat(outcome.newMessages()).isEqualTo(2);
        assertThat(store.uids(mailboxId, "INBOX"))
                .as("the deletion waits for a full run")
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aFolderWhoseStatusShowsNoChangeIsNotOpenedUntilItsFlagsAreDue() {
        FlagReconciliations reconciliations = new FlagReconciliations(Duration.ofMinutes(15));
        server.folder("INBOX").deliver(3);
        server.folder("Archive").deliver(2);
        newRun(reconciliations).syncFolders(List.of("INBOX", "Archive"), server::connect);
        server.folder("Archive").deliver(1);
        int opened = server.opens.get();

        SyncOutcome.Succeeded outcome =
                newRun(reconciliations).syncFolders(List.of("INBOX", "Archive"), server::connect);

        assertThat(outcome.newMessages()).isEqualTo(1);
        assertThat(server.opens.get() - opened)
                .as("only Archive, which has news, is opened")
                .isEqualTo(1);
        assertThat(store.uids(mailboxId, "Archive")).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aMessageReadOrGoneOnTheServerShowsInStatusSoItsFolderIsReconciled() {
        FlagReconciliations reconciliations = new FlagReconciliations(Duration.ofMinutes(15));
        InMemoryMail.Folder inbox = server.folder("INBOX").deliver(3);
        InMemoryMail.Folder archive = server.folder("Archive").deliver(3);
        newRun(reconciliations).syncFolders(List.of("INBOX", "Archive"), server::connect);
        inbox.flag(2, MessageFlag.SEEN);
        archive.messages.remove(3L);

        newRun(reconciliations).syncFolders(List.of("INBOX", "Archive"), server::connect);

        assertThat(store.message(mailboxId, "INBOX", 2).flags()).containsExactly(MessageFlag.SEEN);
        assertThat(store.uids(mailboxId, "Archive")).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void withoutCondstoreAnUnchangedFolderStillHasItsFlagsComparedOnceDue() {
        FlagReconciliations everyRun = new FlagReconciliations(Duration.ZERO);
        InMemoryMail.Folder inbox = server.folder("INBOX").deliver(2);
        newRun(everyRun).syncFolders(List.of("INBOX"), server::connect);
        inbox.flag(1, MessageFlag.FLAGGED);

        newRun(everyRun).syncFolders(List.of("INBOX"), server::connect);

        assertThat(store.message(mailboxId, "INBOX", 1).flags()).containsExactly(MessageFlag.FLAGGED);
    }

    private SyncRun newRun(FlagReconciliations reconciliations) {
        SyncProgress quiet = new SyncProgress() {
            @Override
            public void connecting() {}

            @Override
            public void folder(String folder, int done, int total) {}
        };
        return new SyncRun(mailboxId, store, quiet, BATCH, Duration.ofSeconds(5), reconciliations);
    }

    private SyncRun newRun() {
        return new SyncRun(
                mailboxId,
                store,
                new SyncProgress() {
                    @Override
                    public void connecting() {
                        steps.add("connecting");
                    }

                    @Override
                    public void folder(String folder, int done, int total) {
                        steps.add(folder + " " + done + "/" + total);
                    }
                },
                BATCH,
                Duration.ofSeconds(5));
    }

    private static Throwable catchFailure(Runnable run) {
        try {
            run.run();
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    private static Set<Long> uids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }
}
