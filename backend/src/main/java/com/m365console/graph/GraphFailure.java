package com.m365console.graph;

/** What kind of failure a Graph call ended in, so callers branch on it (refresh, resync, reconnect, wait). */
public enum GraphFailure {
    /** {@code InvalidAuthenticationToken} (401): the token expired or was revoked; refresh once, then reconnect. */
    TOKEN_REFUSED,
    /** {@code ErrorAccessDenied} (403): the token lacks the mail permission, or the user may not open this mailbox. */
    ACCESS_DENIED,
    /** {@code ErrorSendAsDenied} (403): the signed-in user may not send as the mailbox (no Send As right on it). */
    SEND_AS_DENIED,
    /** {@code MailboxNotEnabledForRESTAPI}: inactive, soft-deleted or on-premises mailbox; Graph cannot serve it. */
    MAILBOX_NOT_ENABLED,
    /** 410 Gone / {@code SyncStateNotFound}: the delta token is no longer known; resynchronise the folder. */
    RESYNC_NEEDED,
    /** 429 after the retries allowed, or with a Retry-After longer than the client waits. */
    THROTTLED,
    /** The mailbox, user or folder does not exist (404). */
    NOT_FOUND,
    /** Graph did not answer, timed out, or answered 5xx after the retries allowed. */
    UNAVAILABLE,
    /** Anything else Graph refused. */
    OTHER
}
