package com.m365console.sync;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.m365console.mail.FetchedMessage;
import com.m365console.mail.FolderStatus;
import com.m365console.mail.ImapFolderReader;
import com.m365console.mail.MailFolderNotFoundException;
import com.m365console.mail.MailHosts;
import com.m365console.mail.MailServerClient;
import com.m365console.mail.MailServerException;
import com.m365console.mailbox.MailboxDirectory;
import com.m365console.mailbox.MailboxLogin;
import com.m365console.mailbox.MailboxState;
import com.m365console.mailbox.MailboxUnavailableException;
import com.m365console.mailbox.MailboxView;
import com.m365console.settings.EmailSyncSettingsService;
import com.m365console.settings.MicrosoftSettingsService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Synchronises a mailbox's selected folders (INBOX when none is selected) incrementally: per folder it
 * checks UIDVALIDITY, fetches the messages after the stored checkpoint in batches, stores each batch with
 * its checkpoint, then reconciles flags and deletions (unless the folder had nothing stored: a first sync);
 * a selected folder the server no longer has is skipped and named in the result; every step is published
 * to {@link SyncEvents}.
 */
@Service
public class MailboxSynchronizer {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MailboxDirectory mailboxes;
    private final MailboxLogin login;
    private final MailServerClient mail;
    private final MailHosts hosts;
    private final MicrosoftSettingsService settings;
    private final MailStore store;
    private final SyncLeases leases;
    private final SyncEvents events;
    private final SyncSchedule schedule;
    private final EmailSyncSettingsService syncSettings;
    private final int batchSize;
    private final String instance = UUID.randomUUID().toString();

    MailboxSynchronizer(MailboxDirectory mailboxes, MailboxLogin login, MailServerClient mail, MailHosts hosts,
            MicrosoftSettingsService settings, MailStore store, SyncLeases leases, SyncEvents events,
            SyncSchedule schedule, EmailSyncSettingsService syncSettings,
            @Value("${m365.sync.batch-size:200}") int batchSize) {
        this.mailboxes = mailboxes;
        this.login = login;
        this.mail = mail;
        this.hosts = hosts;
        this.settings = settings;
        this.store = store;
        this.leases = leases;
        this.events = events;
        this.schedule = schedule;
        this.syncSettings = syncSettings;
        this.batchSize = batchSize;
    }

    /** Runs one synchronisation; answers its last status (SUCCEEDED, FAILED, NEEDS_REAUTH, DISABLED or IDLE). */
    public Mono<SyncStatus> sync(UUID mailboxId) {
        return leases.acquire(mailboxId, SyncLeases.Purpose.SYNC, instance, LEASE).flatMap(acquired -> acquired
                ? run(mailboxId).flatMap(last -> syncSettings.current()
                        .flatMap(current -> schedule.record(last, Duration.ofMinutes(current.intervalMinutes())))
                        .then(leases.release(mailboxId, SyncLeases.Purpose.SYNC, instance)).thenReturn(last))
                : Mono.just(SyncStatus.busy(mailboxId)));
    }

    /**
     * Stores the mail that came into one folder since its checkpoint, over a reader the caller keeps open (the
     * push watcher's IDLE connection): no flag reconciliation, and the next scheduled run stays where it is.
     * Answers a busy status, publishing nothing, while another run holds the mailbox.
     */
    public Mono<SyncStatus> syncNewMail(UUID mailboxId, ImapFolderReader reader, String folder) {
        return leases.acquire(mailboxId, SyncLeases.Purpose.SYNC, instance, LEASE).flatMap(acquired -> acquired
                ? runNewMail(mailboxId, reader, folder).flatMap(last -> schedule.recordUnscheduled(last)
                        .then(leases.release(mailboxId, SyncLeases.Purpose.SYNC, instance)).thenReturn(last))
                : Mono.just(SyncStatus.busy(mailboxId)));
    }

    private Mono<SyncStatus> runNewMail(UUID mailboxId, ImapFolderReader reader, String folder) {
        long started = System.nanoTime();
        AtomicInteger stored = new AtomicInteger();
        return mailboxes.find(mailboxId).flatMap(mailbox -> !mayLogIn(mailbox)
                ? publish(unavailable(mailbox))
                : syncWith(reader, mailboxId, folder, stored, false).then(Mono.defer(() -> publish(
                        SyncStatus.succeeded(mailboxId, stored.get(),
                                Duration.ofNanos(System.nanoTime() - started).toMillis())))))
                .onErrorResume(MailServerException.class, ex -> publish(SyncStatus.failed(mailboxId, SyncState.FAILED,
                        ex.getMessage())));
    }

    private Mono<SyncStatus> run(UUID mailboxId) {
        long started = System.nanoTime();
        AtomicInteger stored = new AtomicInteger();
        return mailboxes.find(mailboxId).flatMap(mailbox -> {
            if (!mayLogIn(mailbox)) {
                return publish(unavailable(mailbox));
            }
            events.publish(SyncStatus.of(mailboxId, SyncState.CONNECTING));
            List<String> folders = mailbox.selectedFolders().isEmpty() ? List.of("INBOX") : mailbox.selectedFolders();
            List<String> gone = new CopyOnWriteArrayList<>();
            return Flux.fromIterable(folders)
                    .concatMap(folder -> syncFolder(mailbox, folder, stored)
                            .onErrorResume(MailFolderNotFoundException.class, ex -> Mono.fromRunnable(() ->
                                    gone.add(folder))))
                    .then(Mono.defer(() -> publish(SyncStatus.succeeded(mailboxId, stored.get(),
                            Duration.ofNanos(System.nanoTime() - started).toMillis(), skipped(gone)))));
        }).onErrorResume(MailboxUnavailableException.class, ex -> publish(SyncStatus.failed(mailboxId,
                ex.reason() == MailboxUnavailableException.Reason.MICROSOFT_UNAVAILABLE ? SyncState.FAILED
                        : SyncState.NEEDS_REAUTH, ex.getMessage())))
                .onErrorResume(MailServerException.class, ex -> publish(SyncStatus.failed(mailboxId, SyncState.FAILED,
                        ex.getMessage())));
    }

    private Mono<Void> syncFolder(MailboxView mailbox, String folder, AtomicInteger stored) {
        return settings.current().flatMap(current -> Mono.usingWhen(
                login.run(mailbox.id(), MailboxLogin.Protocol.IMAP, token -> Mono.fromCallable(() ->
                        mail.openFolderReader(hosts.imap(current.cloud().value()), mailbox.address(), token.value(),
                                folder)).subscribeOn(Schedulers.boundedElastic())),
                reader -> syncWith(reader, mailbox.id(), folder, stored, true),
                reader -> Mono.fromRunnable(reader::close).subscribeOn(Schedulers.boundedElastic()).then()));
    }

    private Mono<Void> syncWith(ImapFolderReader reader, UUID mailboxId, String folder, AtomicInteger stored,
            boolean reconcile) {
        return Mono.fromCallable(reader::status).subscribeOn(Schedulers.boundedElastic())
                .zipWith(store.folder(mailboxId, folder))
                .flatMap(both -> {
                    FolderStatus status = both.getT1();
                    MailStore.FolderCheckpoint checkpoint = both.getT2();
                    boolean restart = checkpoint.uidValidity() == null
                            || checkpoint.uidValidity() != status.uidValidity();
                    Mono<Long> from = restart ? store.restart(checkpoint.id(), status.uidValidity()).thenReturn(0L)
                            : Mono.just(checkpoint.lastUid());
                    return from.flatMap(lastUid -> store.count(checkpoint.id()).flatMap(already ->
                            fetchFrom(reader, checkpoint.id(), lastUid, mailboxId, folder, already.intValue(),
                                    status.messageCount(), stored)
                                    .filter(upTo -> reconcile && already > 0)
                                    .flatMap(upTo -> Mono.fromCallable(() -> reader.flags(1, Math.max(upTo, 1)))
                                            .subscribeOn(Schedulers.boundedElastic())
                                            .flatMap(flags -> store.reconcile(checkpoint.id(), upTo, flags)))));
                });
    }

    /**
     * Fetches and stores batch after batch; answers the highest UID stored. The next batch is read from IMAP
     * while the previous one is written to PostgreSQL, with at most two batches in memory.
     */
    private Mono<Long> fetchFrom(ImapFolderReader reader, UUID folderId, long lastUid, UUID mailboxId, String folder,
            int alreadyStored, int total, AtomicInteger stored) {
        AtomicInteger done = new AtomicInteger(alreadyStored);
        events.publish(SyncStatus.progress(mailboxId, folder, done.get(), total));
        Flux<List<FetchedMessage>> batches = Flux.<List<FetchedMessage>, Long>generate(() -> lastUid,
                        (cursor, sink) -> {
                            List<FetchedMessage> batch = reader.fetchAfter(cursor, batchSize);
                            if (batch.isEmpty()) {
                                sink.complete();
                                return cursor;
                            }
                            sink.next(batch);
                            return batch.stream().mapToLong(FetchedMessage::uid).max().orElse(cursor);
                        })
                .subscribeOn(Schedulers.boundedElastic());
        return batches.concatMap(messages -> store.store(folderId, messages).map(count -> {
                    stored.addAndGet(count);
                    done.addAndGet(count);
                    events.publish(SyncStatus.progress(mailboxId, folder, done.get(), Math.max(total, done.get())));
                    return messages.stream().mapToLong(FetchedMessage::uid).max().orElse(0L);
                }), 1)
                .reduce(lastUid, Math::max);
    }

    /** A selected folder the server no longer has is skipped, not a failure of the whole mailbox's run. */
    private static String skipped(List<String> gone) {
        return gone.isEmpty() ? null : "Skipped " + (gone.size() == 1 ? "folder " : "folders ")
                + String.join(", ", gone.stream().map(name -> "\"" + name + "\"").toList())
                + ": the mail server no longer has " + (gone.size() == 1 ? "it" : "them")
                + ". Choose the folders again after Check connection.";
    }

    /** A mailbox whose mail access was refused is still tried: an IMAP login that works again lifts its refusal. */
    private static boolean mayLogIn(MailboxView mailbox) {
        return mailbox.state() == MailboxState.CONNECTED || mailbox.state() == MailboxState.ACCESS_REFUSED;
    }

    private static SyncStatus unavailable(MailboxView mailbox) {
        return SyncStatus.failed(mailbox.id(), mailbox.state() == MailboxState.NEEDS_REAUTH ? SyncState.NEEDS_REAUTH
                : SyncState.DISABLED, mailbox.lastError());
    }

    private Mono<SyncStatus> publish(SyncStatus status) {
        events.publish(status);
        return Mono.just(status);
    }
}
