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
                false);
    }

    FakeSubscription waitingForReauthorization() {
        return new FakeSubscription(
                id,
                address,
                folderId,
                resource,
                changeTypes,
                notificationUrl,
                lifecycleNotificationUrl,
                clientState,
                expiresAt,
                true);
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
