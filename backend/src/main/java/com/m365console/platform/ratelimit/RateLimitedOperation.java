package com.m365console.platform.ratelimit;

/** The user-triggered operations that reach Microsoft or a mail server, each limited per mailbox or registration. */
public enum RateLimitedOperation {
    CHECK_MAILBOX_CONNECTION("Check connection", "this mailbox"),
    SELECT_MAILBOX_FOLDERS("Choosing folders", "this mailbox"),
    SYNC_MAILBOX("Sync now", "this mailbox"),
    SEND_EMAIL("Sending", "this mailbox"),
    TEST_MICROSOFT_CONNECTION("Test connection", "this app registration");

    private final String label;
    private final String subject;

    RateLimitedOperation(String label, String subject) {
        this.label = label;
        this.subject = subject;
    }

    String label() {
        return label;
    }

    String subject() {
        return subject;
    }
}
