package com.m365console.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Presses Sync now as the SPA does (the {@code syncMailbox} mutation), on the test's instance or another, and
 * waits for the answer as long as a whole run may take.
 */
public final class SyncNow {

    private static final Duration RUN = Duration.ofMinutes(3);

    private SyncNow() {}

    /** The mutation's status: the run's last state (SUCCEEDED, FAILED, BUSY...), its reason and counts. */
    public record Answer(String state, String reason, Integer newMessages, Duration took) {}

    public static Answer press(Sessions.Browser browser, String instanceBaseUrl, UUID mailboxId) {
        HttpGraphQlTester tester = HttpGraphQlTester.create(browser.client(instanceBaseUrl)
                        .mutate()
                        .baseUrl(instanceBaseUrl + "/graphql")
                        .responseTimeout(RUN)
                        .build())
                .mutate()
                .responseTimeout(RUN)
                .build();
        long started = System.nanoTime();
        Map<?, ?> status = tester.documentName("syncMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("syncMailbox.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("syncMailbox.status")
                .entity(Map.class)
                .get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Number newMessages = (Number) status.get("newMessages");
        return new Answer(
                (String) status.get("state"),
                (String) status.get("reason"),
                newMessages == null ? null : newMessages.intValue(),
                took);
    }
}
