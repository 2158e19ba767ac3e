package com.m365console.sync;

import java.time.OffsetDateTime;

/**
 * The push state of one mailbox as every instance reads it (GraphQL type {@code PushStatus}): since when (null when
 * OFF or not yet known) and why (the failure, or why it is not watched).
 */
public record PushStatus(PushState state, OffsetDateTime since, String reason) {

    static PushStatus off(String reason) {
        return new PushStatus(PushState.OFF, null, reason);
    }

    boolean watching() {
        return state == PushState.WATCHING;
    }
}
