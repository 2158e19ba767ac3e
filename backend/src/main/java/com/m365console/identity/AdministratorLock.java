package com.m365console.identity;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Serialises the changes that could remove an administrator (demote, disable, delete) across every instance: a
 * PostgreSQL transaction-level advisory lock, held until the transaction ends. Two admins demoting each other at
 * once thus take turns, and the second sees the first's change before it checks that an administrator remains.
 */
@Component
class AdministratorLock {

    /** Any fixed number no other lock uses: "admins" in ASCII. */
    private static final long KEY = 0x61646d696e73L;

    private final DatabaseClient db;

    AdministratorLock(DatabaseClient db) {
        this.db = db;
    }

    /** Takes the lock for the current transaction; must run inside one. */
    Mono<Void> acquire() {
        return db.sql("select pg_advisory_xact_lock(:key)::text")
                .bind("key", KEY)
                .map(row -> true)
                .one()
                .then();
    }
}
