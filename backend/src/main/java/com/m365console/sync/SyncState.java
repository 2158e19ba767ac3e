package com.m365console.sync;

/** The steps and ends of a mailbox synchronisation, as published to subscribers (BUSY only answers a request). */
public enum SyncState {
    IDLE,
    CONNECTING,
    SYNCING,
    SUCCEEDED,
    FAILED,
    NEEDS_REAUTH,
    ACCESS_REFUSED,
    DISABLED,
    BUSY
}
