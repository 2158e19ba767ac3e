package com.m365console.platform.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many user-triggered calls of each costly operation one mailbox (Test connection: one app registration)
 * may make per window; what a person clicking needs, far below what a script looping on the API would do.
 */
@ConfigurationProperties("m365.rate-limit")
public record RateLimitProperties(
        Duration window,
        Integer checkMailboxConnection,
        Integer selectMailboxFolders,
        Integer syncMailbox,
        Integer sendEmail,
        Integer testMicrosoftConnection) {

    public RateLimitProperties {
        window = window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(1) : window;
        checkMailboxConnection = positiveOr(checkMailboxConnection, 5);
        selectMailboxFolders = positiveOr(selectMailboxFolders, 10);
        syncMailbox = positiveOr(syncMailbox, 6);
        sendEmail = positiveOr(sendEmail, 30);
        testMicrosoftConnection = positiveOr(testMicrosoftConnection, 5);
    }

    int limit(RateLimitedOperation operation) {
        return switch (operation) {
            case CHECK_MAILBOX_CONNECTION -> checkMailboxConnection;
            case SELECT_MAILBOX_FOLDERS -> selectMailboxFolders;
            case SYNC_MAILBOX -> syncMailbox;
            case SEND_EMAIL -> sendEmail;
            case TEST_MICROSOFT_CONNECTION -> testMicrosoftConnection;
        };
    }

    private static int positiveOr(Integer value, int fallback) {
        return value == null || value < 1 ? fallback : value;
    }
}
