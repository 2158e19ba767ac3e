package com.m365console.graph;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Graph client pages and waits: messages per delta page ({@code Prefer: odata.maxpagesize}), folders per
 * page, how many times a throttled (429) or unavailable (503) request is retried, the longest {@code Retry-After}
 * it waits for (a longer one fails at once, saying when to come back), the timeout of one request, the largest
 * response it reads (a page of messages with their bodies), and how soon after a run a mailbox connected over Graph
 * is synchronised again (its new mail arrives by this delta poll while there are no change notifications), and how
 * long a change-notification subscription is asked for and how long before its end it is renewed (Graph allows
 * under 7 days for messages).
 */
@ConfigurationProperties("m365.graph")
public record GraphProperties(
        Integer messagePageSize,
        Integer folderPageSize,
        Integer maxRetries,
        Duration maxRetryAfter,
        Duration requestTimeout,
        Integer maxResponseBytes,
        Duration pollInterval,
        Duration subscriptionLifetime,
        Duration subscriptionRenewBefore) {

    /** Graph's longest subscription to messages is 10,080 minutes; a few are kept for clock skew. */
    static final Duration LONGEST_SUBSCRIPTION = Duration.ofMinutes(10_070);

    public GraphProperties {
        messagePageSize = positiveOr(messagePageSize, 50);
        folderPageSize = positiveOr(folderPageSize, 100);
        maxRetries = maxRetries == null || maxRetries < 0 ? 4 : maxRetries;
        maxRetryAfter = maxRetryAfter == null || maxRetryAfter.isNegative() ? Duration.ofMinutes(2) : maxRetryAfter;
        requestTimeout = requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()
                ? Duration.ofSeconds(60)
                : requestTimeout;
        maxResponseBytes = positiveOr(maxResponseBytes, 32 * 1024 * 1024);
        pollInterval = pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()
                ? Duration.ofMinutes(1)
                : pollInterval;
        subscriptionLifetime = subscriptionLifetime == null || subscriptionLifetime.toMinutes() < 5
                ? Duration.ofDays(3)
                : subscriptionLifetime.compareTo(LONGEST_SUBSCRIPTION) > 0
                        ? LONGEST_SUBSCRIPTION
                        : subscriptionLifetime;
        subscriptionRenewBefore = subscriptionRenewBefore == null
                        || subscriptionRenewBefore.isNegative()
                        || subscriptionRenewBefore.compareTo(subscriptionLifetime) >= 0
                ? subscriptionLifetime.dividedBy(3)
                : subscriptionRenewBefore;
    }

    /** Every default. */
    public static GraphProperties defaults() {
        return new GraphProperties(null, null, null, null, null, null, null, null, null);
    }

    private static int positiveOr(Integer value, int fallback) {
        return value == null || value < 1 ? fallback : value;
    }
}
