package com.m365console.sync;

/** The steps of a mailbox synchronisation, as published to subscribers. */
public enum SyncState {
    IDLE,
    CONNECTING,
    SYNCING,
    SUCCEEDED,
    FAILED,
    NEEDS_REAUTH,
    DISABLED
}
