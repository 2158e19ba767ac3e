package com.m365console.mailbox;

/** Whether a mailbox's grant works: connected, refused for good (reconnect), or disconnected (tokens deleted). */
public enum MailboxState {
    CONNECTED,
    NEEDS_REAUTH,
    DISCONNECTED
}
