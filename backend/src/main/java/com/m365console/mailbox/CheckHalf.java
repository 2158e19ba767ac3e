package com.m365console.mailbox;

/**
 * One half of a connection check (reading: IMAP or Graph; sending: SMTP or Graph): what it found, or why it failed,
 * as saved in the mailbox's check columns ("OK" or the reason).
 */
record CheckHalf<T>(boolean ok, T value, String error) {

    static <T> CheckHalf<T> ok(T value) {
        return new CheckHalf<>(true, value, null);
    }

    static <T> CheckHalf<T> failed(String error) {
        return new CheckHalf<>(false, null, error);
    }

    String summary() {
        return ok ? "OK" : error;
    }
}
