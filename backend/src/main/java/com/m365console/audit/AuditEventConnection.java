package com.m365console.audit;

import java.util.List;

/** One page of the audit log, as the GraphQL type {@code AuditEventConnection}. */
record AuditEventConnection(List<Edge> edges, PageInfo pageInfo) {

    /** The GraphQL type {@code AuditEventEdge}. */
    record Edge(String cursor, AuditEntry node) {}

    /** The GraphQL type {@code PageInfo}. */
    record PageInfo(boolean hasNextPage, String endCursor) {}
}
