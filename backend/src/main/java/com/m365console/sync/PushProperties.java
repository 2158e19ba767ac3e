package com.m365console.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How new mail is pushed (IMAP IDLE on INBOX, while Email Synchronization is enabled): whether at all, how
 * often IDLE is renewed, and how long before its token expires a connection logs in again.
 */
@ConfigurationProperties("m365.sync.push")
record PushProperties(Boolean enabled, Duration renewIdleEvery, Duration reauthenticateBeforeExpiry) {

    PushProperties {
        enabled = enabled == null || enabled;
        renewIdleEvery = positiveOr(renewIdleEvery, Duration.ofMinutes(10));
        reauthenticateBeforeExpiry = positiveOr(reauthenticateBeforeExpiry, Duration.ofMinutes(5));
    }

    /** A configured duration, or the fallback when it is missing, zero or negative. */
    static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
