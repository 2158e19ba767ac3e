package com.m365console.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the audit trail (table {@code audit_event}), shared by every instance. */
@Component
public class AuditEvents {

    /** Names as given by a client are kept to this length, so a huge one cannot bloat the trail. */
    private static final int LONGEST_NAME = 256;

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    AuditEvents(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> record(AuditEvent event) {
        var insert = db.sql("""
                insert into audit_event (occurred_at, action, actor_id, actor_name, client_address, details)
                values (:at, :action, :actorId, :actorName, :address, cast(:details as jsonb))""")
                .bind("at", OffsetDateTime.now(clock))
                .bind("action", event.action())
                .bind("details", json.writeValueAsString(event.details()));
        insert = event.actorId() == null
                ? insert.bindNull("actorId", UUID.class)
                : insert.bind("actorId", event.actorId());
        insert = event.actorName() == null
                ? insert.bindNull("actorName", String.class)
                : insert.bind("actorName", truncate(event.actorName()));
        insert = event.clientAddress() == null
                ? insert.bindNull("address", String.class)
                : insert.bind("address", event.clientAddress());
        return insert.then();
    }

    private static String truncate(String name) {
        return name.length() <= LONGEST_NAME ? name : name.substring(0, LONGEST_NAME) + "…";
    }
}
