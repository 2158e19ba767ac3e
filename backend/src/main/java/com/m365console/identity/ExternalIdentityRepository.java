package com.m365console.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
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

    /** The Microsoft identities linked to these accounts, oldest link first. */
    Flux<Linked> findByUsers(Collection<UUID> userIds) {
        return db.sql("""
                select user_id, tenant_id, subject, email, linked_at, last_signed_in from external_identity
                where provider = :provider and user_id = any (:users) order by linked_at, tenant_id, subject""")
                .bind("provider", MicrosoftAccountMapper.PROVIDER)
                .bind("users", userIds.toArray(UUID[]::new))
                .map(row -> new Linked(
                        row.get("user_id", UUID.class),
                        new MicrosoftIdentity(
                                row.get("tenant_id", String.class),
                                row.get("subject", String.class),
                                row.get("email", String.class),
                                row.get("linked_at", OffsetDateTime.class),
                                row.get("last_signed_in", OffsetDateTime.class))))
                .all();
    }

    /** Removes the link of this identity to this account; answers whether there was one. */
    Mono<Boolean> unlink(UUID userId, String tenantId, String subject) {
        return db.sql("""
                delete from external_identity
                where provider = :provider and user_id = :user and tenant_id = :tenant and subject = :subject""")
                .bind("provider", MicrosoftAccountMapper.PROVIDER)
                .bind("user", userId)
                .bind("tenant", tenantId)
                .bind("subject", subject)
                .fetch()
                .rowsUpdated()
                .map(count -> count > 0);
    }

    /** A Microsoft identity and the account it signs in as. */
    record Linked(UUID userId, MicrosoftIdentity identity) {}
}
