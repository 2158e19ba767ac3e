package com.m365console.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One password sign-in as the throttle saw it: refused at once ({@code retryAfter} set), or let through and
 * already counted as a failure for its account name and client address (a success takes that back).
 */
record SignInAttempt(String username, String address, Duration retryAfter, List<Count> counts) {

    static SignInAttempt throttled(String username, String address, Duration retryAfter) {
        return new SignInAttempt(username, address, retryAfter, List.of());
    }

    boolean isThrottled() {
        return retryAfter != null;
    }

    /** The failures in a row of one account name or address including this attempt, and the wait they cause. */
    record Count(SignInThrottle.Scope scope, String key, int failures, Instant lockedUntil) {

        boolean locks() {
            return lockedUntil != null;
        }
    }
}
