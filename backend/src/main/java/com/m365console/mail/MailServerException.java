package com.m365console.mail;

/**
 * A mail-server failure with a message an admin can act on. It never carries the Jakarta Mail exception as its
 * cause, because those hold raw server replies that may echo what the client sent.
 */
public class MailServerException extends RuntimeException {

    private final MailFailure failure;

    public MailServerException(MailFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public MailFailure failure() {
        return failure;
    }
}
