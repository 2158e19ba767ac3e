package com.m365console.sync;

import com.m365console.graph.DeltaPage;
import com.m365console.graph.GraphException;
import com.m365console.graph.GraphFailure;
import com.m365console.graph.GraphFolder;
import com.m365console.graph.GraphFolderNames;
import com.m365console.graph.GraphMailClient;
import com.m365console.graph.GraphMailbox;
import com.m365console.graph.GraphMessage;
import com.m365console.mail.Attachment;
import com.m365console.mailbox.MailboxKind;
import com.m365console.mailbox.MailboxUnavailableException;
import com.m365console.mailbox.MailboxView;
import com.m365console.microsoft.Cloud;
import com.m365console.sync.GraphMailStore.GraphCheckpoint;
import com.m365console.sync.GraphMailStore.PageStored;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;

/**
 * One synchronisation run of one mailbox over Microsoft Graph, read top-down as its plan: get a Graph token, read the
 * folder tree once and find the selected folders on it ({@link GraphFolderNames}), then per folder run delta from
 * its stored checkpoint, each page stored with its checkpoint ({@link GraphMailStore}) before the run goes on, so a
 * cut run resumes after the last stored page. A delta token Graph no longer knows (410) starts that folder's round
 * over once, matched by Graph id so nothing is stored twice; a refused token is refreshed once per run. Blocking,
 * like {@link SyncRun}: it runs on a thread of its own; failures leave as exceptions for {@link SyncFailures}.
 */
final class GraphSyncRun implements StoppableRun {

    private static final Logger log = LoggerFactory.getLogger(GraphSyncRun.class);

    private final UUID mailboxId;
    private final GraphMailbox mailbox;
    private final GraphMailClient client;
    private final GraphMailStore store;
    private final GraphTokenSource tokens;
    private final SyncProgress progress;
    private final Duration storeTimeout;
    private final long startedAt = System.nanoTime();
    private final List<String> skippedFolders = new ArrayList<>();
    private final List<String> readAgain = new ArrayList<>();
    private volatile String stopReason;
    private volatile int stored;
    private volatile String token;
    private boolean refreshed;

    GraphSyncRun(
            UUID mailboxId,
            GraphMailbox mailbox,
            GraphMailClient client,
            GraphMailStore store,
            GraphTokenSource tokens,
            SyncProgress progress,
            Duration storeTimeout) {
        this.mailboxId = mailboxId;
        this.mailbox = mailbox;
        this.client = client;
        this.store = store;
        this.tokens = tokens;
        this.progress = progress;
        this.storeTimeout = storeTimeout;
    }

    /** Which mailbox Graph reads: a user's own as {@code /me}, a shared (system) one by its address. */
    static GraphMailbox target(MailboxView mailbox, Cloud cloud) {
        return mailbox.kind() == MailboxKind.SYSTEM
                ? GraphMailbox.user(cloud, mailbox.address())
                : GraphMailbox.me(cloud);
    }

    /**
     * Every selected folder found in the tree; a folder the mailbox no longer has, or that was deleted before its
     * delta was read, is skipped and named.
     */
    SyncOutcome.Succeeded syncFolders(List<String> folders) {
        log.info("Mailbox {}: Graph sync started, folders {}", mailboxId, folders);
        progress.connecting();
        token = tokens.accessToken(mailboxId).block();
        if (token == null) {
            throw new MailboxUnavailableException(
                    MailboxUnavailableException.Reason.NOT_CONNECTED, "The mailbox is not connected.");
        }
        List<GraphFolder> tree = withToken(current -> client.folders(current, mailbox));
        Map<String, GraphFolder> found = GraphFolderNames.resolve(folders, tree);
        for (String folder : folders) {
            stopIfAsked();
            GraphFolder graphFolder = found.get(folder);
            if (graphFolder == null) {
                log.warn("Mailbox {}: skipped folder \"{}\": the mailbox no longer has it", mailboxId, folder);
                skippedFolders.add(folder);
                continue;
            }
            try {
                syncFolder(folder, graphFolder);
            } catch (GraphException failure) {
                if (!folderGone(failure)) {
                    throw failure;
                }
                log.warn(
                        "Mailbox {}: skipped folder \"{}\": it was deleted on the server after the folder tree was"
                                + " read {}",
                        mailboxId,
                        folder,
                        failure.details());
                skippedFolders.add(folder);
            }
        }
        return new SyncOutcome.Succeeded(stored, took(), skippedFolders, List.of(), readAgain);
    }

    @Override
    public void stop(String reason) {
        stopReason = reason;
    }

    @Override
    public int stored() {
        return stored;
    }

    @Override
    public Duration took() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Delta from the checkpoint to the round's end; once over from the start if Graph lost the delta token. */
    private void syncFolder(String folder, GraphFolder graphFolder) {
        GraphCheckpoint checkpoint = begin(folder, graphFolder);
        boolean startedOver = false;
        while (true) {
            try {
                round(folder, graphFolder, checkpoint);
                return;
            } catch (GraphException failure) {
                if (failure.failure() == GraphFailure.RESYNC_NEEDED && !startedOver) {
                    startedOver = true;
                    log.info(
                            "Mailbox {}: folder \"{}\": Graph no longer knows its delta token; its round starts over,"
                                    + " matched by Graph id",
                            mailboxId,
                            folder);
                    checkpoint = await(store.startFullRound(checkpoint.folderId(), graphFolder.id()));
                    readAgain.add(folder);
                } else if (failure.failure() == GraphFailure.TOKEN_REFUSED && !refreshed) {
                    refresh();
                    checkpoint = begin(folder, graphFolder);
                } else {
                    throw failure;
                }
            }
        }
    }

    /**
     * Graph knows no such folder any more (ErrorItemNotFound, ResourceNotFound): it was deleted between the tree and
     * its delta. A user Graph does not know (ErrorInvalidUser) is the whole mailbox's failure, not a folder's.
     */
    private static boolean folderGone(GraphException failure) {
        return failure.failure() == GraphFailure.NOT_FOUND && !"ErrorInvalidUser".equalsIgnoreCase(failure.code());
    }

    /** The stored checkpoint, or a full round begun: none stored yet, or the folder was re-created on the server. */
    private GraphCheckpoint begin(String folder, GraphFolder graphFolder) {
        GraphCheckpoint checkpoint = await(store.folder(mailboxId, folder));
        if (checkpoint.delta() != null && graphFolder.id().equals(checkpoint.graphFolderId())) {
            return checkpoint;
        }
        if (checkpoint.graphFolderId() != null && !graphFolder.id().equals(checkpoint.graphFolderId())) {
            log.info("Mailbox {}: folder \"{}\" is another folder on the server now; read in full", mailboxId, folder);
        }
        return await(store.startFullRound(checkpoint.folderId(), graphFolder.id()));
    }

    /**
     * The delta pages in order, each stored (with its checkpoint) while at most the next one is fetched; a failed
     * fetch lets the page being stored finish first, so what came before the failure is kept.
     */
    private void round(String folder, GraphFolder graphFolder, GraphCheckpoint checkpoint) {
        int total = graphFolder.totalItemCount();
        long before = await(store.count(checkpoint.folderId()));
        progress.folder(folder, (int) before, Math.max(total, (int) before));
        client.delta(token, mailbox, graphFolder.id(), checkpoint.delta())
                .concatMapDelayError(page -> storePage(checkpoint.folderId(), page), false, 1)
                .doOnNext(page -> {
                    stored += page.added();
                    int done = (int) page.storedInFolder();
                    progress.folder(folder, done, Math.max(total, done));
                    log.debug(
                            "Mailbox {}: folder \"{}\" stored a page: {} new, {} removed, {} in the folder",
                            mailboxId,
                            folder,
                            page.added(),
                            page.removed(),
                            done);
                })
                .blockLast();
    }

    private Mono<PageStored> storePage(UUID folderId, DeltaPage page) {
        return Mono.defer(() -> {
            stopIfAsked();
            return attachments(folderId, page)
                    .flatMap(attachments -> store.page(folderId, page, attachments)
                            .timeout(storeTimeout, Mono.error(this::storeTimedOut)));
        });
    }

    /** Attachment names and sizes of the page's new messages that have any; known rows keep theirs. */
    private Mono<Map<String, List<Attachment>>> attachments(UUID folderId, DeltaPage page) {
        List<String> withAttachments = page.messages().stream()
                .filter(GraphMessage::hasAttachments)
                .map(GraphMessage::id)
                .distinct()
                .toList();
        if (withAttachments.isEmpty()) {
            return Mono.just(Map.of());
        }
        return store.known(folderId, page).flatMap(known -> {
            List<String> fresh =
                    withAttachments.stream().filter(id -> !known.contains(id)).toList();
            return fresh.isEmpty() ? Mono.just(Map.of()) : client.attachments(token, mailbox, fresh);
        });
    }

    private <T> T withToken(Function<String, Mono<T>> call) {
        try {
            return call.apply(token).block();
        } catch (GraphException failure) {
            if (failure.failure() != GraphFailure.TOKEN_REFUSED || refreshed) {
                throw failure;
            }
            refresh();
            return call.apply(token).block();
        }
    }

    private void refresh() {
        log.info("Mailbox {}: Graph refused the access token; refreshing it once", mailboxId);
        refreshed = true;
        token = tokens.refreshed(mailboxId, token).block();
    }

    private void stopIfAsked() {
        if (stopReason != null) {
            throw new SyncRun.SyncStoppedException(stopReason);
        }
    }

    private <T> T await(Mono<T> step) {
        return step.timeout(storeTimeout, Mono.error(this::storeTimedOut)).block();
    }

    private DataAccessResourceFailureException storeTimedOut() {
        return new DataAccessResourceFailureException(
                "The database did not answer within " + storeTimeout.toSeconds() + " s");
    }
}
