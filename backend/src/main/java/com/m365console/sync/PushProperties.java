package com.m365console.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How new mail is pushed (IMAP IDLE on INBOX, while Email Synchronization is enabled): whether at all, how
 * often IDLE is renewed, how long before its token expires a connection logs in again, how long a PUSH lease
 * lives without renewal (a killed instance's mailboxes move on after it), and how many threads log in, sync and
 * reconnect for all of this instance's watched mailboxes.
 */
@ConfigurationProperties("m365.sync.push")
record PushProperties(
        Boolean enabled,
        Duration renewIdleEvery,
        Duration reauthenticateBeforeExpiry,
        Duration leaseTtl,
        Integer threads) {

    PushProperties {
        enabled = enabled == null || enabled;
        renewIdleEvery = positiveOr(renewIdleEvery, Duration.ofMinutes(10));
        reauthenticateBeforeExpiry = positiveOr(reauthenticateBeforeExpiry, Duration.ofMinutes(5));
        leaseTtl = positiveOr(leaseTtl, Duration.ofSeconds(90));
        threads = threads == null || threads < 1 ? 4 : threads;
    }

    /** A configured duration, or the fallback when it is missing, zero or negative. */
    static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
