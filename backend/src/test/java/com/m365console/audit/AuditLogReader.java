package com.m365console.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/** Reads the audit log as an admin's screen does (the auditLog query, page by page) and as stored. */
final class AuditLogReader {

    private AuditLogReader() {}

    /** Every event matching the filter, newest first, fetched {@code pageSize} at a time. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(GraphQlTester admin, Map<String, Object> filter, int pageSize) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = null;
        while (true) {
            var response = admin.documentName("auditLog")
                    .variable("filter", filter)
                    .variable("first", pageSize)
                    .variable("after", after)
                    .execute();
            List<Map<String, Object>> edges = response.path("auditLog.edges").entityList(Map.class).get().stream()
                    .map(edge -> (Map<String, Object>) edge)
                    .toList();
            edges.forEach(edge -> events.add((Map<String, Object>) edge.get("node")));
            boolean more = response.path("auditLog.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            if (!more) {
                return events;
            }
            after = response.path("auditLog.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
    }

    static List<Map<String, Object>> events(GraphQlTester admin, Map<String, Object> filter) {
        return events(admin, filter, 50);
    }

    /** An event's details as name to value, in the order the API gives them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("details"))
                .stream()
                        .collect(Collectors.toMap(
                                d -> (String) d.get("name"),
                                d -> String.valueOf(d.get("value")),
                                (a, b) -> a,
                                LinkedHashMap::new));
    }

    @SuppressWarnings("unchecked")
    static String actorName(Map<String, Object> event) {
        return (String) ((Map<String, Object>) event.get("actor")).get("name");
    }

    /** Every stored audit row as text, every column: for proving a secret is nowhere in the log. */
    static String storedRows(DatabaseClient db) {
        return db.sql("select string_agg(a::text, E'\\n') from audit_event a")
                .map(row -> String.valueOf(row.get(0, String.class)))
                .one()
                .block();
    }
}
