package com.m365console.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One published step of a synchronisation (GraphQL type {@code SyncStatus}). */
public record SyncStatus(UUID mailboxId, SyncState state, String folder, Integer done, Integer total,
        Integer newMessages, Long durationMs, String reason, OffsetDateTime at) {

    private static final String BUSY = "Another synchronisation of this mailbox is running.";

    static SyncStatus of(UUID mailboxId, SyncState state) {
        return new SyncStatus(mailboxId, state, null, null, null, null, null, null, OffsetDateTime.now());
    }

    static SyncStatus progress(UUID mailboxId, String folder, int done, int total) {
        return new SyncStatus(mailboxId, SyncState.SYNCING, folder, done, total, null, null, null,
                OffsetDateTime.now());
    }

    static SyncStatus succeeded(UUID mailboxId, int newMessages, long durationMs) {
        return succeeded(mailboxId, newMessages, durationMs, null);
    }

    /** A run that stored what it could; {@code reason} names selected folders it skipped, or is null. */
    static SyncStatus succeeded(UUID mailboxId, int newMessages, long durationMs, String reason) {
        return new SyncStatus(mailboxId, SyncState.SUCCEEDED, null, null, null, newMessages, durationMs, reason,
                OffsetDateTime.now());
    }

    /** The answer when another run holds the mailbox's sync lease; never published. */
    static SyncStatus busy(UUID mailboxId) {
        return failed(mailboxId, SyncState.IDLE, BUSY);
    }

    boolean isBusy() {
        return state == SyncState.IDLE && BUSY.equals(reason);
    }

    static SyncStatus failed(UUID mailboxId, SyncState state, String reason) {
        return new SyncStatus(mailboxId, state, null, null, null, null, null, reason, OffsetDateTime.now());
    }
}
