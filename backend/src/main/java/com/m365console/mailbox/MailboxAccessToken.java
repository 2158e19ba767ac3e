package com.m365console.mailbox;

import java.time.Instant;

/** A mailbox's access token and when it expires; {@code toString} keeps the token out of logs. */
public record MailboxAccessToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "MailboxAccessToken[value=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
