package com.m365console.mailbox;

/** A mailbox cannot be used right now; the message says why and what to do, never a token. */
public class MailboxUnavailableException extends RuntimeException {

    /** Why: reconnect needed, not connected, or Microsoft not answering. */
    public enum Reason {
        NEEDS_REAUTH,
        NOT_CONNECTED,
        MICROSOFT_UNAVAILABLE
    }

    private final Reason reason;

    public MailboxUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
