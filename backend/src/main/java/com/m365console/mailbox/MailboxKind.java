package com.m365console.mailbox;

/** A user's own mailbox, or a shared one an admin connected through a delegate. */
public enum MailboxKind {
    PERSONAL,
    SYSTEM
}
