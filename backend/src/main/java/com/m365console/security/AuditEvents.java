package com.m365console.security;

import com.m365console.platform.web.CurrentExchange;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit log (table {@code audit_event}, append-only, shared by every instance), in the caller's
 * transaction when there is one. A missing actor name is taken from the account (so it survives the account's
 * deletion), a missing client address from the request being served.
 */
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
        Mono<String> address =
                event.clientAddress() != null ? Mono.just(event.clientAddress()) : CurrentExchange.clientAddress();
        return address.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(known -> insert(event, known.orElse(null)));
    }

    private Mono<Void> insert(AuditEvent event, String clientAddress) {
        var insert = db.sql("""
                insert into audit_event (occurred_at, action, actor_id, actor_name, client_address, details)
                values (:at, :action, :actorId,
                        coalesce(:actorName, (select username from app_user where id = :actorId)),
                        :address, cast(:details as jsonb))""")
                .bind("at", OffsetDateTime.now(clock))
                .bind("action", event.action())
                .bind("details", json.writeValueAsString(event.details() == null ? Map.of() : event.details()));
        insert = event.actorId() == null
                ? insert.bindNull("actorId", UUID.class)
                : insert.bind("actorId", event.actorId());
        insert = event.actorName() == null
                ? insert.bindNull("actorName", String.class)
                : insert.bind("actorName", truncate(event.actorName()));
        insert = clientAddress == null
                ? insert.bindNull("address", String.class)
                : insert.bind("address", clientAddress);
        return insert.then();
    }

    private static String truncate(String name) {
        return name.length() <= LONGEST_NAME ? name : name.substring(0, LONGEST_NAME) + "…";
    }
}
