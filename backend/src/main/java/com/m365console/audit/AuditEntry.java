package com.m365console.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One row of the audit log, as the GraphQL type {@code AuditEvent}. */
record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        String kind,
        Actor actor,
        String clientAddress,
        String summary,
        List<Detail> details) {

    /** The GraphQL type {@code AuditActor}. */
    record Actor(UUID id, String name) {}

    /** The GraphQL type {@code AuditDetail}. */
    record Detail(String name, String value) {}
}
