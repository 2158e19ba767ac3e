package com.m365console.sync;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which instances push new mail now, so that each takes its share of the mailboxes rather than the first one to check
 * taking them all: every instance renews its row on each check, a row lives as long as a PUSH lease.
 */
@Component
class PushInstances {

    private final DatabaseClient db;

    PushInstances(DatabaseClient db) {
        this.db = db;
    }

    /** Renews this instance's row for the TTL and answers how many instances are live, this one included. */
    Mono<Integer> renewAndCount(String instance, Duration ttl) {
        return db.sql("""
                        insert into push_instance (instance, live_until)
                        values (:instance, now() + make_interval(secs => :seconds))
                        on conflict (instance) do update set live_until = excluded.live_until""")
                .bind("instance", instance)
                .bind("seconds", (double) ttl.toMillis() / 1000)
                .then()
                .then(db.sql("delete from push_instance where live_until < now() - interval '1 hour'")
                        .then())
                .then(db.sql("select count(*) from push_instance where live_until > now()")
                        .map(row -> row.get(0, Long.class))
                        .one())
                .map(count -> (int) Math.max(1, count));
    }

    /** Forgets this instance (at shutdown), so the others take its share at their next check. */
    Mono<Void> leave(String instance) {
        return db.sql("delete from push_instance where instance = :instance")
                .bind("instance", instance)
                .then();
    }
}
