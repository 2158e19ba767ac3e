package com.m365console.graph;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Graph client pages and waits: messages per delta page ({@code Prefer: odata.maxpagesize}), folders per
 * page, how many times a throttled (429) or unavailable (503) request is retried, the longest {@code Retry-After}
 * it waits for (a longer one fails at once, saying when to come back), the timeout of one request, the largest
 * response it reads (a page of messages with their bodies), and how soon after a run a mailbox connected over Graph
 * is synchronised again (its new mail arrives by this delta poll while there are no change notifications).
 */
@ConfigurationProperties("m365.graph")
public record GraphProperties(
        Integer messagePageSize,
        Integer folderPageSize,
        Integer maxRetries,
        Duration maxRetryAfter,
        Duration requestTimeout,
        Integer maxResponseBytes,
        Duration pollInterval) {

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
    }

    /** Every default. */
    public static GraphProperties defaults() {
        return new GraphProperties(null, null, null, null, null, null, null);
    }

    private static int positiveOr(Integer value, int fallback) {
        return value == null || value < 1 ? fallback : value;
    }
}
