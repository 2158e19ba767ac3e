package com.m365console.testsupport.microsoft.graph;

import java.time.Instant;

/**
 * One change-notification subscription the fake Graph holds: which mailbox folder it watches, for which change
 * types, where it posts, with which client state, until when; and whether Graph is waiting for it to be
 * reauthorized (after {@code reauthorizationRequired}, notifications wait until the app renews it).
 */
public record FakeSubscription(
        String id,
        String address,
        String folderId,
        String resource,
        String changeTypes,
        String notificationUrl,
        String lifecycleNotificationUrl,
        String clientState,
        Instant expiresAt,
        boolean awaitingReauthorization) {

    FakeSubscription renewed(Instant until) {
        return with(until, false);
    }

    FakeSubscription waitingForReauthorization() {
        return with(expiresAt, true);
    }

    private FakeSubscription with(Instant until, boolean waiting) {
        return new FakeSubscription(
                id,
                address,
                folderId,
                resource,
                changeTypes,
                notificationUrl,
                lifecycleNotificationUrl,
                clientState,
                until,
                waiting);
    }

    boolean covers(String changeType) {
        for (String type : changeTypes.split(",")) {
            if (type.trim().equalsIgnoreCase(changeType)) {
                return true;
            }
        }
        return false;
    }
}
