package com.m365console.mailbox;

/**
 * Whether a mailbox's grant works: connected, refused for good (reconnect), accepted by Microsoft but refused by the
 * mail server (mail access refused: fix the mailbox's settings or rights, then check), or disconnected (tokens
 * deleted).
 */
public enum MailboxState {
    CONNECTED,
    NEEDS_REAUTH,
    ACCESS_REFUSED,
    DISCONNECTED
}
