package com.m365console.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One published step of a synchronisation (GraphQL type {@code SyncStatus}); built by its named factories. */
public record SyncStatus(
        UUID mailboxId,
        SyncState state,
        String folder,
        Integer done,
        Integer total,
        Integer newMessages,
        Long durationMs,
        String reason,
        OffsetDateTime at) {

    /** A step without details: IDLE (nothing known yet) or CONNECTING. */
    static SyncStatus step(UUID mailboxId, SyncState state) {
        return new SyncStatus(mailboxId, state, null, null, null, null, null, null, OffsetDateTime.now());
    }

    static SyncStatus progress(UUID mailboxId, String folder, int done, int total) {
        return new SyncStatus(
                mailboxId, SyncState.SYNCING, folder, done, total, null, null, null, OffsetDateTime.now());
    }

    /** A run that stored what it could; {@code reason} names selected folders it skipped, or is null. */
    static SyncStatus succeeded(UUID mailboxId, int newMessages, long durationMs, String reason) {
        return new SyncStatus(
                mailboxId,
                SyncState.SUCCEEDED,
                null,
                null,
                null,
                newMessages,
                durationMs,
                reason,
                OffsetDateTime.now());
    }

    /** A run that ended without success, and why. */
    static SyncStatus ended(UUID mailboxId, SyncState state, String reason) {
        return new SyncStatus(mailboxId, state, null, null, null, null, null, reason, OffsetDateTime.now());
    }

    /** A run as recorded in the database: how it ended, when, after how long. */
    static SyncStatus recorded(
            UUID mailboxId,
            SyncState state,
            Integer newMessages,
            long durationMs,
            String reason,
            OffsetDateTime finishedAt) {
        return new SyncStatus(mailboxId, state, null, null, null, newMessages, durationMs, reason, finishedAt);
    }
}
