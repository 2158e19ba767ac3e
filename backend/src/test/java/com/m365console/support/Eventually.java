package com.m365console.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, looking every 100 ms: for tests of background work (scheduled runs,
 * takeovers, recovery) that has no event of its own to wait on. A condition that throws counts as not yet true
 * (e.g. a query while the database is coming back).
 */
public final class Eventually {

    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    private Eventually() {}

    /** Returns once {@code condition} holds; an {@link AssertionError} naming {@code what} after the timeout. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "");
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, with {@code state} in the failure message. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            pause();
        }
        AssertionError timedOut = new AssertionError("Not within " + timeout + ": " + what + ". " + state.get());
        if (last != null) {
            timedOut.initCause(last);
        }
        throw timedOut;
    }

    private static void pause() {
        try {
            Thread.sleep(LOOK_EVERY.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
