package com.m365console.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** The GraphQL input {@code AuditLogFilter}; every field optional. */
record AuditLogFilter(String actor, List<String> kinds, OffsetDateTime from, OffsetDateTime to) {

    static final AuditLogFilter EVERYTHING = new AuditLogFilter(null, null, null, null);
}
