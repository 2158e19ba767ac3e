package com.m365console.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL reading the audit log: filtered, newest first, by keyset (occurred_at, id). It never writes. */
@Repository
class AuditLogRepository {

    private final DatabaseClient db;

    AuditLogRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Up to {@code limit} events matching the filter, newest first, after the cursor when there is one. */
    Flux<StoredEvent> find(AuditLogFilter filter, AuditCursor after, int limit) {
        Where where = Where.of(filter);
        if (after != null) {
            where.add(
                    "(occurred_at, id) < (:afterAt, :afterId)",
                    Map.of("afterAt", after.occurredAt(), "afterId", after.id()));
        }
        var spec =
                db.sql("select id, occurred_at, action, actor_id, actor_name, client_address, details::text as details"
                        + " from audit_event" + where.sql() + " order by occurred_at desc, id desc limit :limit");
        for (var bind : where.binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.bind("limit", limit)
                .map(row -> new StoredEvent(
                        row.get("id", Long.class),
                        row.get("occurred_at", OffsetDateTime.class),
                        row.get("action", String.class),
                        row.get("actor_id", UUID.class),
                        row.get("actor_name", String.class),
                        row.get("client_address", String.class),
                        row.get("details", String.class)))
                .all();
    }

    /** How many events match, counting no further than {@code atMost}. */
    Mono<Long> count(AuditLogFilter filter, int atMost) {
        Where where = Where.of(filter);
        var spec = db.sql("select count(*) from (select 1 from audit_event" + where.sql() + " limit :atMost) matched");
        for (var bind : where.binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.bind("atMost", atMost).map(row -> row.get(0, Long.class)).one();
    }

    /** A row as stored; {@code details} is its JSON text. */
    record StoredEvent(
            long id,
            OffsetDateTime occurredAt,
            String action,
            UUID actorId,
            String actorName,
            String clientAddress,
            String details) {}

    /** The conditions of a filter and the values they bind. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> binds = new LinkedHashMap<>();

        static Where of(AuditLogFilter filter) {
            Where where = new Where();
            UUID actorId = AuditLogService.asUuid(filter.actor());
            if (actorId != null) {
                where.add("actor_id = :actorId", Map.of("actorId", actorId));
            } else if (filter.actor() != null && !filter.actor().isBlank()) {
                where.add(
                        "actor_name ilike '%' || :actorName || '%' escape '\\'",
                        Map.of("actorName", likeEscaped(filter.actor().trim())));
            }
            if (filter.kinds() != null && !filter.kinds().isEmpty()) {
                where.add("action = any(:kinds)", Map.of("kinds", filter.kinds().toArray(String[]::new)));
            }
            if (filter.from() != null) {
                where.add("occurred_at >= :from", Map.of("from", filter.from()));
            }
            if (filter.to() != null) {
                where.add("occurred_at < :to", Map.of("to", filter.to()));
            }
            return where;
        }

        void add(String condition, Map<String, Object> values) {
            conditions.add(condition);
            binds.putAll(values);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        private static String likeEscaped(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
