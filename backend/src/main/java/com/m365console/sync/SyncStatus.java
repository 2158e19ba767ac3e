package com.m365console.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One published step of a synchronisation (GraphQL type {@code SyncStatus}). */
public record SyncStatus(UUID mailboxId, SyncState state, String folder, Integer done, Integer total,
        Integer newMessages, Long durationMs, String reason, OffsetDateTime at) {

    static SyncStatus of(UUID mailboxId, SyncState state) {
        return new SyncStatus(mailboxId, state, null, null, null, null, null, null, OffsetDateTime.now());
    }

    static SyncStatus progress(UUID mailboxId, String folder, int done, int total) {
        return new SyncStatus(mailboxId, SyncState.SYNCING, folder, done, total, null, null, null,
                OffsetDateTime.now());
    }

    static SyncStatus succeeded(UUID mailboxId, int newMessages, long durationMs) {
        return new SyncStatus(mailboxId, SyncState.SUCCEEDED, null, null, null, newMessages, durationMs, null,
                OffsetDateTime.now());
    }

    static SyncStatus failed(UUID mailboxId, SyncState state, String reason) {
        return new SyncStatus(mailboxId, state, null, null, null, null, null, reason, OffsetDateTime.now());
    }
}
