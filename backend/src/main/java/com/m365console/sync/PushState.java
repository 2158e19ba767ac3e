package com.m365console.sync;

/** How pushing a mailbox's new mail goes right now (GraphQL enum {@code PushState}). */
public enum PushState {
    /** A watcher holds the mailbox and is logging in for the first time. */
    CONNECTING,
    /** Waiting in IMAP IDLE on the INBOX: new mail is stored within seconds. */
    WATCHING,
    /** The last connection failed; the next attempt comes in seconds. */
    RECONNECTING,
    /** Attempts keep failing (several in a row); they go on, further apart. */
    FAILING,
    /** Not watched: new mail arrives with scheduled synchronisation or Sync now; the reason says why. */
    OFF
}
