package com.m365console.sync;

import com.m365console.mail.FetchedMessage;
import com.m365console.mail.FolderConnection;
import com.m365console.mail.FolderReader;
import com.m365console.mail.FolderStatus;
import com.m365console.mail.FolderSummary;
import com.m365console.mail.MailFailure;
import com.m365console.mail.MailFolderNotFoundException;
import com.m365console.mail.MailServerException;
import com.m365console.mail.MessageFlag;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** A mail server and a message store in memory, for unit tests of the sync rules ({@link SyncRun}). */
final class InMemoryMail {

    private InMemoryMail() {}

    /** A server's folders by name, each with its UIDVALIDITY and messages; counts the commands it was sent. */
    static final class Server implements FolderConnection {
        final Map<String, Folder> folders = new ConcurrentHashMap<>();
        final AtomicInteger logins = new AtomicInteger();
        final AtomicInteger fetches = new AtomicInteger();
        /** Folders opened (SELECT/EXAMINE), and STATUS commands answered. */
        final AtomicInteger opens = new AtomicInteger();

        final AtomicInteger statuses = new AtomicInteger();
        /** Fetch commands left before the connection is cut (negative: never). */
        volatile int cutAfterFetches = -1;

        Folder folder(String name) {
            return folders.computeIfAbsent(name, key -> new Folder(7));
        }

        FolderConnection connect() {
            logins.incrementAndGet();
            return this;
        }

        @Override
        public Optional<FolderSummary> summary(String name) {
            Folder folder = folders.get(name);
            if (folder == null) {
                return Optional.empty();
            }
            statuses.incrementAndGet();
            long uidNext = folder.messages.isEmpty() ? 1 : folder.messages.lastKey() + 1;
            int unseen = (int) folder.messages.values().stream()
                    .filter(message -> !message.flags().contains(MessageFlag.SEEN))
                    .count();
            return Optional.of(new FolderSummary(
                    folder.uidValidity, Math.max(uidNext, folder.uidNext), folder.messages.size(), unseen));
        }

        @Override
        public FolderReader open(String name) {
            Folder folder = folders.get(name);
            if (folder == null) {
                throw new MailFolderNotFoundException("The folder \"" + name + "\" does not exist.");
            }
            opens.incrementAndGet();
            long uidNext = folder.messages.isEmpty() ? 1 : folder.messages.lastKey() + 1;
            return new FolderReader() {
                @Override
                public FolderStatus status() {
                    return new FolderStatus(
                            folder.uidValidity, Math.max(uidNext, folder.uidNext), folder.messages.size(), null);
                }

                @Override
                public List<FetchedMessage> fetchAfter(long lastUid, int batchSize) {
                    fetches.incrementAndGet();
                    if (cutAfterFetches == 0) {
                        throw new MailServerException(MailFailure.CONNECTION_FAILED, "The connection was cut.");
                    }
                    if (cutAfterFetches > 0) {
                        cutAfterFetches--;
                    }
                    return folder.messages.tailMap(lastUid, false).values().stream()
                            .limit(batchSize)
                            .map(message -> message)
                            .toList();
                }

                @Override
                public Map<Long, Set<MessageFlag>> flags(long fromUid, long toUid) {
                    Map<Long, Set<MessageFlag>> flags = new TreeMap<>();
                    folder.messages
                            .subMap(fromUid, true, toUid, true)
                            .forEach((uid, message) -> flags.put(uid, message.flags()));
                    return flags;
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public void close() {}
    }

    /** One folder on the server. */
    static final class Folder {
        final TreeMap<Long, FetchedMessage> messages = new TreeMap<>();
        long uidValidity;
        long uidNext = 1;

        Folder(long uidValidity) {
            this.uidValidity = uidValidity;
        }

        Folder deliver(int count) {
            for (int i = 0; i < count; i++) {
                long uid = Math.max(uidNext, messages.isEmpty() ? 1 : messages.lastKey() + 1);
                messages.put(uid, message(uid, Set.of()));
                uidNext = uid + 1;
            }
            return this;
        }

        void flag(long uid, MessageFlag flag) {
            messages.put(uid, message(uid, Set.of(flag)));
        }

        /** The server was wiped and reseeded: new UIDVALIDITY, UIDs from 1 again. */
        void renumber(long newUidValidity) {
            List<FetchedMessage> kept = new ArrayList<>(messages.values());
            messages.clear();
            uidValidity = newUidValidity;
            uidNext = 1;
            kept.forEach(message -> deliver(1));
        }

        private static FetchedMessage message(long uid, Set<MessageFlag> flags) {
            return new FetchedMessage(
                    uid,
                    "<" + uid + "@test>",
                    null,
                    "Message " + uid,
                    null,
                    List.of(),
                    List.of(),
                    OffsetDateTime.now(),
                    OffsetDateTime.now(),
                    100,
                    flags,
                    "body " + uid,
                    null,
                    false,
                    List.of());
        }
    }

    /** The store's rules as {@link MailStore} keeps them in PostgreSQL: idempotent batches with their checkpoint. */
    static final class Store implements MessageStore {
        final Map<String, UUID> folderIds = new ConcurrentHashMap<>();
        final Map<UUID, FolderCheckpoint> checkpoints = new ConcurrentHashMap<>();
        final Map<UUID, TreeMap<Long, FetchedMessage>> messages = new ConcurrentHashMap<>();
        /** Writes left before the database stops answering (negative: never). */
        volatile int failAfterWrites = -1;

        @Override
        public Mono<FolderCheckpoint> folder(UUID mailboxId, String fullName) {
            UUID id = folderIds.computeIfAbsent(mailboxId + "/" + fullName, key -> UUID.randomUUID());
            messages.computeIfAbsent(id, key -> new TreeMap<>());
            return Mono.just(checkpoints.computeIfAbsent(id, key -> new FolderCheckpoint(id, null, 0)));
        }

        @Override
        public Mono<Void> restart(UUID folderId, long uidValidity) {
            messages.get(folderId).clear();
            checkpoints.put(folderId, new FolderCheckpoint(folderId, uidValidity, 0));
            return Mono.empty();
        }

        @Override
        public synchronized Mono<Integer> store(UUID folderId, List<FetchedMessage> batch) {
            if (failAfterWrites == 0) {
                return Mono.error(new org.springframework.dao.DataAccessResourceFailureException("connection refused"));
            }
            if (failAfterWrites > 0) {
                failAfterWrites--;
            }
            TreeMap<Long, FetchedMessage> stored = messages.get(folderId);
            int added = 0;
            for (FetchedMessage message : batch) {
                if (stored.putIfAbsent(message.uid(), message) == null) {
                    added++;
                }
            }
            FolderCheckpoint old = checkpoints.get(folderId);
            long last = batch.stream().mapToLong(FetchedMessage::uid).max().orElse(0);
            checkpoints.put(folderId, new FolderCheckpoint(folderId, old.uidValidity(), Math.max(old.lastUid(), last)));
            return Mono.just(added);
        }

        @Override
        public Mono<Void> reconcile(UUID folderId, long upToUid, Map<Long, Set<MessageFlag>> present) {
            TreeMap<Long, FetchedMessage> stored = messages.get(folderId);
            stored.headMap(upToUid, true).keySet().removeIf(uid -> !present.containsKey(uid));
            present.forEach((uid, flags) -> stored.computeIfPresent(
                    uid,
                    (key, message) -> new FetchedMessage(
                            message.uid(),
                            message.messageId(),
                            null,
                            message.subject(),
                            null,
                            List.of(),
                            List.of(),
                            message.sentAt(),
                            message.receivedAt(),
                            message.size(),
                            flags,
                            message.textBody(),
                            null,
                            false,
                            List.of())));
            return Mono.empty();
        }

        @Override
        public Mono<Long> count(UUID folderId) {
            return Mono.just((long) messages.get(folderId).size());
        }

        @Override
        public Mono<StoredCounts> counts(UUID folderId) {
            var stored = messages.get(folderId).values();
            long unseen = stored.stream()
                    .filter(message ->
                            message.flags() == null || !message.flags().contains(MessageFlag.SEEN))
                    .count();
            return Mono.just(new StoredCounts(stored.size(), unseen));
        }

        /** The UIDs stored for a folder. */
        Set<Long> uids(UUID mailboxId, String folder) {
            UUID id = folderIds.get(mailboxId + "/" + folder);
            return id == null ? Set.of() : Set.copyOf(messages.get(id).keySet());
        }

        FetchedMessage message(UUID mailboxId, String folder, long uid) {
            return messages.get(folderIds.get(mailboxId + "/" + folder)).get(uid);
        }
    }
}
