package com.m365console.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard password guessing is made: after this many failures in a row for one account name (or from one
 * client address), each further attempt waits {@code firstDelay}, doubling per failure up to {@code maxDelay};
 * a name or address quiet for {@code forgetAfter} starts again from zero.
 */
@ConfigurationProperties("m365.sign-in.throttle")
public record SignInThrottleProperties(
        Integer accountFailures,
        Integer addressFailures,
        Duration firstDelay,
        Duration maxDelay,
        Duration forgetAfter) {

    public SignInThrottleProperties {
        accountFailures = accountFailures == null || accountFailures < 1 ? 5 : accountFailures;
        addressFailures = addressFailures == null || addressFailures < 1 ? 20 : addressFailures;
        firstDelay = positiveOr(firstDelay, Duration.ofSeconds(30));
        maxDelay = positiveOr(maxDelay, Duration.ofMinutes(15));
        forgetAfter = positiveOr(forgetAfter, Duration.ofHours(1));
    }

    /** The wait after the given number of failures in a row; zero while under the threshold. */
    Duration delayAfter(int failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
