package com.m365console.settings;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * SQL for microsoft_credential_status. Every write also announces itself on {@link #CHANNEL} (PostgreSQL NOTIFY,
 * delivered at commit), so every instance tells its admins at once.
 */
@Repository
class MicrosoftCredentialStatusRepository {

    static final String CHANNEL = "m365_microsoft_credential";

    /** One credential's row. */
    record Stored(
            OffsetDateTime expiresAt,
            String expiryNote,
            OffsetDateTime checkedAt,
            OffsetDateTime rejectedAt,
            String rejectedMessage) {}

    private final DatabaseClient db;

    MicrosoftCredentialStatusRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Stored> find(String credential) {
        return db.sql("""
                select expires_at, expiry_note, checked_at, rejected_at, rejected_message
                from microsoft_credential_status where credential = :credential""")
                .bind("credential", credential)
                .map(row -> new Stored(
                        row.get("expires_at", OffsetDateTime.class),
                        row.get("expiry_note", String.class),
                        row.get("checked_at", OffsetDateTime.class),
                        row.get("rejected_at", OffsetDateTime.class),
                        row.get("rejected_message", String.class)))
                .one();
    }

    /** Microsoft refused the credential as expired. */
    Mono<Void> recordRejection(String credential, String message) {
        return db.sql("""
                with saved as (
                    insert into microsoft_credential_status (credential, rejected_at, rejected_message)
                    values (:credential, now(), :message)
                    on conflict (credential) do update set rejected_at = now(),
                        rejected_message = excluded.rejected_message, updated_at = now()
                    returning 1)
                select pg_notify('%s', '') from saved""".formatted(CHANNEL))
                .bind("credential", credential)
                .bind("message", message)
                .then();
    }

    /** Microsoft accepted the credential after all (a new secret value under the same name, a fixed registration). */
    Mono<Void> clearRejection(String credential) {
        return db.sql("""
                with saved as (
                    update microsoft_credential_status set rejected_at = null, rejected_message = null,
                        updated_at = now()
                    where credential = :credential and rejected_at is not null
                    returning 1)
                select pg_notify('%s', '') from saved""".formatted(CHANNEL)).bind("credential", credential).then();
    }

    /** What a check found: the expiry, or (expiresAt null) why it is unknown. */
    Mono<Void> recordExpiry(String credential, OffsetDateTime expiresAt, String note) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                with saved as (
                    insert into microsoft_credential_status (credential, expires_at, expiry_note, checked_at)
                    values (:credential, :expiresAt, :note, now())
                    on conflict (credential) do update set expires_at = excluded.expires_at,
                        expiry_note = excluded.expiry_note, checked_at = now(), updated_at = now()
                    returning 1)
                select pg_notify('%s', '') from saved""".formatted(CHANNEL)).bind("credential", credential);
        spec = expiresAt == null ? spec.bindNull("expiresAt", OffsetDateTime.class) : spec.bind("expiresAt", expiresAt);
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return spec.then();
    }

    /**
     * Claims the periodic check of a credential for this instance: true when no instance checked it within
     * {@code every}, and then the others see it as just checked.
     */
    Mono<Boolean> claimCheck(String credential, Duration every) {
        return db.sql("""
                insert into microsoft_credential_status (credential, checked_at) values (:credential, now())
                on conflict (credential) do update set checked_at = now()
                where microsoft_credential_status.checked_at is null
                    or microsoft_credential_status.checked_at < now() - make_interval(secs => :seconds)
                returning credential""")
                .bind("credential", credential)
                .bind("seconds", (double) every.toSeconds())
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** Tells every instance that the credential in use may have changed (a save of Microsoft Settings). */
    Mono<Void> announce() {
        return db.sql("select pg_notify('" + CHANNEL + "', '')").then();
    }
}
