package com.m365console.mailbox;

import com.m365console.platform.crypto.EncryptedValue;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for a mailbox's encrypted tokens. */
@Repository
class MailboxTokenRepository {

    private final DatabaseClient db;

    MailboxTokenRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Reads the tokens without a lock: what every use of a token that is not due for renewal needs. */
    Mono<StoredTokens> find(UUID mailboxId) {
        return select(mailboxId, "");
    }

    /** Reads the tokens and locks the row until the transaction ends, waiting for another holder of the lock. */
    Mono<StoredTokens> lock(UUID mailboxId) {
        return select(mailboxId, " for update");
    }

    /** As {@link #lock(UUID)}, but empty at once when another transaction holds the lock (a refresh under way). */
    Mono<StoredTokens> tryLock(UUID mailboxId) {
        return select(mailboxId, " for update skip locked");
    }

    private Mono<StoredTokens> select(UUID mailboxId, String locking) {
        return db.sql("""
                select access_token, access_key_id, access_expires_at, refresh_token, refresh_key_id
                from mailbox_token where mailbox_id = :id""" + locking)
                .bind("id", mailboxId)
                .map(row -> new StoredTokens(
                        new EncryptedValue(
                                row.get("access_key_id", String.class), row.get("access_token", byte[].class)),
                        row.get("access_expires_at", OffsetDateTime.class),
                        row.get("refresh_key_id", String.class) == null
                                ? null
                                : new EncryptedValue(
                                        row.get("refresh_key_id", String.class),
                                        row.get("refresh_token", byte[].class))))
                .one();
    }

    Mono<Void> save(UUID mailboxId, EncryptedValue access, OffsetDateTime expiresAt, EncryptedValue refresh) {
        var spec = db.sql("""
                insert into mailbox_token (mailbox_id, access_token, access_key_id, access_expires_at, refresh_token,
                    refresh_key_id, updated_at)
                values (:id, :access, :accessKey, :expires, :refresh, :refreshKey, now())
                on conflict (mailbox_id) do update set access_token = excluded.access_token,
                    access_key_id = excluded.access_key_id, access_expires_at = excluded.access_expires_at,
                    refresh_token = coalesce(excluded.refresh_token, mailbox_token.refresh_token),
                    refresh_key_id = coalesce(excluded.refresh_key_id, mailbox_token.refresh_key_id),
                    updated_at = now()""")
                .bind("id", mailboxId)
                .bind("access", access.ciphertext())
                .bind("accessKey", access.keyId())
                .bind("expires", expiresAt);
        spec = refresh == null
                ? spec.bindNull("refresh", byte[].class).bindNull("refreshKey", String.class)
                : spec.bind("refresh", refresh.ciphertext()).bind("refreshKey", refresh.keyId());
        return spec.then();
    }

    Mono<Void> delete(UUID mailboxId) {
        return db.sql("delete from mailbox_token where mailbox_id = :id")
                .bind("id", mailboxId)
                .then();
    }

    /** Connected mailboxes whose access token expires before the limit (or has expired): to refresh ahead of use. */
    Flux<UUID> expiringBefore(OffsetDateTime limit) {
        return db.sql("""
                select t.mailbox_id from mailbox_token t join mailbox m on m.id = t.mailbox_id
                where m.state = 'CONNECTED' and t.access_expires_at < :limit
                order by t.access_expires_at""")
                .bind("limit", limit)
                .map(row -> row.get("mailbox_id", UUID.class))
                .all();
    }

    /** A mailbox's tokens as stored: ciphertexts only. */
    record StoredTokens(EncryptedValue access, OffsetDateTime accessExpiresAt, EncryptedValue refresh) {}
}
