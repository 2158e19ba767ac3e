package com.m365console.mailbox;

import com.m365console.platform.crypto.EncryptedValue;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for a mailbox's encrypted tokens: one row per mailbox with the shared refresh token and an access token per
 * resource (Exchange Online's {@code access_*}, Graph's {@code graph_access_*}); the row is what a refresh locks.
 */
@Repository
class MailboxTokenRepository {

    private final DatabaseClient db;

    MailboxTokenRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Reads the tokens without a lock: what every use of a token that is not due for renewal needs. */
    Mono<StoredTokens> find(UUID mailboxId, MailResource resource) {
        return select(mailboxId, resource, "");
    }

    /** Reads the tokens and locks the row until the transaction ends, waiting for another holder of the lock. */
    Mono<StoredTokens> lock(UUID mailboxId, MailResource resource) {
        return select(mailboxId, resource, " for update of t");
    }

    /** As {@link #lock}, but empty at once when another transaction holds the lock (a refresh under way). */
    Mono<StoredTokens> tryLock(UUID mailboxId, MailResource resource) {
        return select(mailboxId, resource, " for update of t skip locked");
    }

    private Mono<StoredTokens> select(UUID mailboxId, MailResource resource, String locking) {
        String prefix = columns(resource);
        return db.sql("select t." + prefix + "access_token as access, t." + prefix + "access_key_id as access_key, t."
                        + prefix + "access_expires_at as expires, t.refresh_token, t.refresh_key_id, m.kind, "
                        + "m.grant_kind "
                        + "from mailbox_token t join mailbox m on m.id = t.mailbox_id where t.mailbox_id = :id"
                        + locking)
                .bind("id", mailboxId)
                .map(row -> new StoredTokens(
                        encrypted(row, "access_key", "access"),
                        row.get("expires", OffsetDateTime.class),
                        encrypted(row, "refresh_key_id", "refresh_token"),
                        MailboxKind.valueOf(row.get("kind", String.class)),
                        MailboxGrant.valueOf(row.get("grant_kind", String.class))))
                .one();
    }

    private static EncryptedValue encrypted(Readable row, String keyColumn, String valueColumn) {
        String keyId = row.get(keyColumn, String.class);
        return keyId == null ? null : new EncryptedValue(keyId, row.get(valueColumn, byte[].class));
    }

    /**
     * Saves a fresh grant's tokens: the resource's access token and the refresh token; the other resource's access
     * token, of the grant this one replaces, is dropped.
     */
    Mono<Void> saveGrant(
            UUID mailboxId,
            MailResource resource,
            EncryptedValue access,
            OffsetDateTime expiresAt,
            EncryptedValue refresh) {
        String mine = columns(resource);
        String other = columns(resource == MailResource.GRAPH ? MailResource.OUTLOOK : MailResource.GRAPH);
        String sql = "insert into mailbox_token (mailbox_id, " + mine + "access_token, " + mine + "access_key_id, "
                + mine + "access_expires_at, refresh_token, refresh_key_id, updated_at) "
                + "values (:id, :access, :accessKey, :expires, :refresh, :refreshKey, now()) "
                + "on conflict (mailbox_id) do update set " + assignments(mine)
                + ", " + other + "access_token = null, " + other + "access_key_id = null, " + other
                + "access_expires_at = null, " + refreshAssignments();
        return bind(db.sql(sql), mailboxId, access, expiresAt, refresh).then();
    }

    /** Saves a renewal: the resource's new access token and the rotated refresh token (kept when none came). */
    Mono<Void> saveRenewal(
            UUID mailboxId,
            MailResource resource,
            EncryptedValue access,
            OffsetDateTime expiresAt,
            EncryptedValue refresh) {
        String mine = columns(resource);
        String sql = "update mailbox_token set " + mine + "access_token = :access, " + mine + "access_key_id = "
                + ":accessKey, " + mine + "access_expires_at = :expires, refresh_token = coalesce(:refresh, "
                + "refresh_token), refresh_key_id = coalesce(:refreshKey, refresh_key_id), updated_at = now() "
                + "where mailbox_id = :id";
        return bind(db.sql(sql), mailboxId, access, expiresAt, refresh).then();
    }

    private static String assignments(String mine) {
        return mine + "access_token = excluded." + mine + "access_token, " + mine + "access_key_id = excluded." + mine
                + "access_key_id, " + mine + "access_expires_at = excluded." + mine + "access_expires_at";
    }

    private static String refreshAssignments() {
        return "refresh_token = coalesce(excluded.refresh_token, mailbox_token.refresh_token), "
                + "refresh_key_id = coalesce(excluded.refresh_key_id, mailbox_token.refresh_key_id), "
                + "updated_at = now()";
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec spec,
            UUID mailboxId,
            EncryptedValue access,
            OffsetDateTime expiresAt,
            EncryptedValue refresh) {
        spec = spec.bind("id", mailboxId)
                .bind("access", access.ciphertext())
                .bind("accessKey", access.keyId())
                .bind("expires", expiresAt);
        return refresh == null
                ? spec.bindNull("refresh", byte[].class).bindNull("refreshKey", String.class)
                : spec.bind("refresh", refresh.ciphertext()).bind("refreshKey", refresh.keyId());
    }

    Mono<Void> delete(UUID mailboxId) {
        return db.sql("delete from mailbox_token where mailbox_id = :id")
                .bind("id", mailboxId)
                .then();
    }

    /**
     * Connected mailboxes whose transport's access token expires before the limit (or has expired), with that
     * resource: to refresh ahead of use.
     */
    Flux<Expiring> expiringBefore(OffsetDateTime limit) {
        return db.sql("""
                select t.mailbox_id, m.transport,
                    case when m.transport = 'GRAPH' then t.graph_access_expires_at else t.access_expires_at end
                        as expires
                from mailbox_token t join mailbox m on m.id = t.mailbox_id
                where m.state = 'CONNECTED'
                  and case when m.transport = 'GRAPH' then t.graph_access_expires_at else t.access_expires_at end
                      < :limit
                order by expires""")
                .bind("limit", limit)
                .map(row -> new Expiring(
                        row.get("mailbox_id", UUID.class),
                        MailTransport.valueOf(row.get("transport", String.class))
                                .resource()))
                .all();
    }

    /** The columns of a resource's access token. */
    private static String columns(MailResource resource) {
        return resource == MailResource.GRAPH ? "graph_" : "";
    }

    /** A mailbox whose access token for the resource is due for renewal. */
    record Expiring(UUID mailboxId, MailResource resource) {}

    /**
     * A mailbox's tokens as stored, ciphertexts only: the access token of one resource (null, with its expiry, when
     * the grant holds none for it), the refresh token, the mailbox's kind (a shared mailbox asks more scopes) and
     * whose permission it is (an application's is renewed with client credentials, not a refresh token).
     */
    record StoredTokens(
            EncryptedValue access,
            OffsetDateTime accessExpiresAt,
            EncryptedValue refresh,
            MailboxKind kind,
            MailboxGrant grant) {}
}
