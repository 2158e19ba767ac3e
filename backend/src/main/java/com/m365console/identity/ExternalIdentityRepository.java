package com.m365console.identity;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Links between external identities (Microsoft tenant + object id) and local accounts. */
@Repository
class ExternalIdentityRepository {

    private final DatabaseClient db;

    ExternalIdentityRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<UUID> findUserId(String provider, String tenantId, String subject) {
        return db.sql("""
                select user_id from external_identity
                where provider = :provider and tenant_id = :tenant and subject = :subject""")
                .bind("provider", provider)
                .bind("tenant", tenantId)
                .bind("subject", subject)
                .map(row -> row.get("user_id", UUID.class))
                .one();
    }

    Mono<Void> link(String provider, String tenantId, String subject, UUID userId, String email) {
        return db.sql("""
                insert into external_identity (provider, tenant_id, subject, user_id, email)
                values (:provider, :tenant, :subject, :user, :email)
                on conflict (provider, tenant_id, subject)
                do update set email = excluded.email, last_signed_in = now()""")
                .bind("provider", provider)
                .bind("tenant", tenantId)
                .bind("subject", subject)
                .bind("user", userId)
                .bind("email", email)
                .then();
    }
}
