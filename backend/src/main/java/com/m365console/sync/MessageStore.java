package com.m365console.sync;

import com.m365console.mail.FetchedMessage;
import com.m365console.mail.MessageFlag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where a synchronisation keeps mail and each folder's checkpoint; the seam between the sync rules and PostgreSQL
 * ({@link MailStore}), so the rules can be tested against an in-memory store.
 */
interface MessageStore {

    /** The folder's checkpoint, created at its first sync. */
    Mono<FolderCheckpoint> folder(UUID mailboxId, String fullName);

    /** UIDVALIDITY changed: the stored UIDs mean nothing any more, so the folder starts over, empty. */
    Mono<Void> restart(UUID folderId, long uidValidity);

    /** Stores a batch and moves the checkpoint past it, atomically; answers how many were new. */
    Mono<Integer> store(UUID folderId, List<FetchedMessage> batch);

    /** Brings stored flags up to {@code upToUid} in line with the server and removes what it no longer has. */
    Mono<Void> reconcile(UUID folderId, long upToUid, Map<Long, Set<MessageFlag>> present);

    Mono<Long> count(UUID folderId);

    /** How many messages of the folder are stored, and how many of them are unread (no SEEN flag). */
    Mono<StoredCounts> counts(UUID folderId);

    record StoredCounts(long messages, long unseen) {}

    /** Where a folder's sync stands: {@code uidValidity} is null before its first sync. */
    record FolderCheckpoint(UUID id, Long uidValidity, long lastUid) {}
}
