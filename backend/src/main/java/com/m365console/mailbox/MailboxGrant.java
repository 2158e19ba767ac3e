package com.m365console.mailbox;

/** Schema enum {@code MailboxGrant}: whose permission reaches the mailbox, so tokens are renewed the right way. */
public enum MailboxGrant {
    /** A user's consent (the owner, or a shared mailbox's delegate): renewed with the refresh token. */
    DELEGATED,
    /** The application's own permission (client credentials, admin consent): renewed with the app's credential. */
    APPLICATION
}
