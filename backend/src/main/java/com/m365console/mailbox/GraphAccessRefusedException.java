package com.m365console.mailbox;

/**
 * Microsoft Graph, or Microsoft for the application's own token, refused a mailbox for good (the mailbox is now
 * ACCESS_REFUSED); the message is the advice.
 */
public class GraphAccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GraphAccessRefusedException(String advice) {
        super(advice, null, false, false);
    }
}
