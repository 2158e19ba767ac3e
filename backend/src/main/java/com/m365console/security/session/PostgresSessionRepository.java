package com.m365console.security.session;

import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.security.RevokedCredential;
import com.m365console.security.SignedInAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

/**
 * Browser sessions in PostgreSQL, so that they survive a restart and every instance knows them. Ending a session
 * (sign-out, expiry, "sign out everywhere", a new id at sign-in) deletes its row and announces it on
 * {@link RevokedCredential#CHANNEL} in the same statement, so sockets opened with it close on every instance.
 * A save never brings back a row another instance deleted meanwhile.
 */
public class PostgresSessionRepository implements ReactiveSessionRepository<StoredSession> {

    private static final Logger log = LoggerFactory.getLogger(PostgresSessionRepository.class);
    private static final String NOTIFY_ENDED =
            "select pg_notify('" + RevokedCredential.CHANNEL + "', 'SESSION:' || encode(id_hash, 'hex')) from ended";

    private final DatabaseClient db;
    private final SecretCipher cipher;
    private final Duration maxInactive;
    private final Duration touchEvery;

    /**
     * @param maxInactive how long a session lasts without a request
     * @param touchEvery a request that changes nothing else moves the stored last access only when it is older
     *                   than this, so reading pages does not write a row each time
     */
    public PostgresSessionRepository(
            DatabaseClient db, SecretCipher cipher, Duration maxInactive, Duration touchEvery) {
        this.db = db;
        this.cipher = cipher;
        this.maxInactive = maxInactive;
        this.touchEvery = touchEvery;
    }

    @Override
    public Mono<StoredSession> createSession() {
        return Mono.fromSupplier(() -> StoredSession.create(maxInactive));
    }

    @Override
    public Mono<Void> save(StoredSession session) {
        return Mono.defer(() -> {
            byte[] serialized = SessionAttributesCodec.serialize(session.attributes());
            Mono<Void> write;
            if (session.storedId() == null) {
                write = insert(session, serialized);
            } else if (!session.storedId().equals(session.getId())) {
                write = moveAndUpdate(session, serialized);
            } else if (!Arrays.equals(serialized, session.storedAttributes())) {
                write = update(session, serialized);
            } else if (Duration.between(session.storedLastAccessedTime(), session.getLastAccessedTime())
                            .compareTo(touchEvery)
                    >= 0) {
                write = touch(session);
            } else {
                return Mono.empty();
            }
            return write.then(Mono.fromRunnable(() -> session.markStored(serialized)));
        });
    }

    @Override
    public Mono<StoredSession> findById(String id) {
        byte[] hash = SessionIds.hash(id);
        return db.sql("""
                select created_at, last_accessed_at, max_inactive_s, key_id, attributes from web_session
                where id_hash = :hash and expires_at > :now""")
                .bind("hash", hash)
                .bind("now", now())
                .map(row -> new Row(
                        row.get("created_at", OffsetDateTime.class),
                        row.get("last_accessed_at", OffsetDateTime.class),
                        row.get("max_inactive_s", Integer.class),
                        row.get("key_id", String.class),
                        row.get("attributes", byte[].class)))
                .one()
                .flatMap(row -> decode(id, hash, row));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return db.sql("with ended as (delete from web_session where id_hash = :hash returning id_hash) " + NOTIFY_ENDED)
                .bind("hash", SessionIds.hash(id))
                .then();
    }

    /** Ends every session of the account but the one given (null: all of them); answers how many ended. */
    public Mono<Long> endSessionsOf(UUID accountId, String exceptSessionId) {
        byte[] keep = exceptSessionId == null ? new byte[0] : SessionIds.hash(exceptSessionId);
        return db.sql("with ended as (delete from web_session where account_id = :account and id_hash <> :keep "
                        + "returning id_hash) " + NOTIFY_ENDED)
                .bind("account", accountId)
                .bind("keep", keep)
                .fetch()
                .all()
                .count();
    }

    /** The signed-in session with this id (the cookie's value), if it is one; nothing is written. */
    public Mono<SignedInSession> signedIn(String sessionId) {
        return findById(sessionId)
                .flatMap(session -> Mono.justOrEmpty(authentication(session.attributes()))
                        .filter(Authentication::isAuthenticated)
                        .map(signedIn ->
                                new SignedInSession(SessionIds.key(sessionId), signedIn, session.expiresAt())));
    }

    /** A session that carries a sign-in: the key notices name it by, who signed in, and when it ends if unused. */
    public record SignedInSession(String key, Authentication authentication, Instant expiresAt) {}

    /** When the session known by this key ends if nobody uses it; empty when it has ended. */
    public Mono<Instant> expiresAt(String key) {
        return db.sql("select expires_at from web_session where id_hash = :hash and expires_at > :now")
                .bind("hash", SessionIds.fromKey(key))
                .bind("now", now())
                .map(row -> row.get("expires_at", OffsetDateTime.class).toInstant())
                .one();
    }

    /** Deletes sessions that expired, announcing each; answers how many. */
    public Mono<Long> purgeExpired() {
        return db.sql("with ended as (delete from web_session where expires_at <= :now returning id_hash) "
                        + NOTIFY_ENDED)
                .bind("now", now())
                .fetch()
                .all()
                .count();
    }

    private Mono<Void> insert(StoredSession session, byte[] serialized) {
        EncryptedValue sealed = seal(session.getId(), serialized);
        return bindTimes(db.sql("""
                insert into web_session (id_hash, account_id, created_at, last_accessed_at, max_inactive_s,
                    expires_at, key_id, attributes)
                values (:hash, :account, :created, :accessed, :maxInactive, :expires, :keyId, :attributes)"""), session)
                .bind("hash", SessionIds.hash(session.getId()))
                .bind("created", utc(session.getCreationTime()))
                .bind("keyId", sealed.keyId())
                .bind("attributes", sealed.ciphertext())
                .then();
    }

    /** A new id (sign-in): the row moves to it, and sockets still on the old id are told it ended. */
    private Mono<Void> moveAndUpdate(StoredSession session, byte[] serialized) {
        EncryptedValue sealed = seal(session.getId(), serialized);
        byte[] oldHash = SessionIds.hash(session.storedId());
        return bindTimes(db.sql("""
                with moved as (update web_session set id_hash = :hash, account_id = :account,
                    last_accessed_at = :accessed, max_inactive_s = :maxInactive, expires_at = :expires,
                    key_id = :keyId, attributes = :attributes
                    where id_hash = :oldHash returning :oldHash::bytea as id_hash),
                ended as (select id_hash from moved)
                """ + NOTIFY_ENDED), session)
                .bind("hash", SessionIds.hash(session.getId()))
                .bind("oldHash", oldHash)
                .bind("keyId", sealed.keyId())
                .bind("attributes", sealed.ciphertext())
                .then();
    }

    private Mono<Void> update(StoredSession session, byte[] serialized) {
        EncryptedValue sealed = seal(session.getId(), serialized);
        return bindTimes(db.sql("""
                update web_session set account_id = :account, last_accessed_at = :accessed,
                    max_inactive_s = :maxInactive, expires_at = :expires, key_id = :keyId, attributes = :attributes
                where id_hash = :hash"""), session)
                .bind("hash", SessionIds.hash(session.getId()))
                .bind("keyId", sealed.keyId())
                .bind("attributes", sealed.ciphertext())
                .then();
    }

    private Mono<Void> touch(StoredSession session) {
        return db.sql("""
                update web_session set last_accessed_at = :accessed, max_inactive_s = :maxInactive,
                    expires_at = :expires
                where id_hash = :hash""")
                .bind("hash", SessionIds.hash(session.getId()))
                .bind("accessed", utc(session.getLastAccessedTime()))
                .bind("maxInactive", (int) session.getMaxInactiveInterval().toSeconds())
                .bind("expires", utc(session.expiresAt()))
                .then();
    }

    private DatabaseClient.GenericExecuteSpec bindTimes(DatabaseClient.GenericExecuteSpec spec, StoredSession session) {
        UUID account = accountOf(session.attributes());
        return (account == null ? spec.bindNull("account", UUID.class) : spec.bind("account", account))
                .bind("accessed", utc(session.getLastAccessedTime()))
                .bind("maxInactive", (int) session.getMaxInactiveInterval().toSeconds())
                .bind("expires", utc(session.expiresAt()));
    }

    private Mono<StoredSession> decode(String id, byte[] hash, Row row) {
        try {
            byte[] serialized = cipher.decryptBytes(new EncryptedValue(row.keyId(), row.attributes()), purpose(hash));
            Map<String, Object> attributes = SessionAttributesCodec.deserialize(serialized);
            return Mono.just(StoredSession.stored(
                    id,
                    row.createdAt().toInstant(),
                    row.lastAccessedAt().toInstant(),
                    Duration.ofSeconds(row.maxInactiveSeconds()),
                    attributes,
                    serialized));
        } catch (RuntimeException ex) {
            log.warn("A stored session could not be read and is treated as signed out: {}", ex.getMessage());
            return Mono.empty();
        }
    }

    private EncryptedValue seal(String id, byte[] serialized) {
        return cipher.encryptBytes(serialized, purpose(SessionIds.hash(id)));
    }

    /** Binds the ciphertext to its row: copied under another session's id, it does not decrypt. */
    private static String purpose(byte[] hash) {
        return "web_session:" + HexFormat.of().formatHex(hash);
    }

    /** The signed-in account the session belongs to, so its sessions can be ended together. */
    private static UUID accountOf(Map<String, Object> attributes) {
        return authentication(attributes)
                .map(Authentication::getPrincipal)
                .filter(SignedInAccount.class::isInstance)
                .map(account -> ((SignedInAccount) account).accountId())
                .orElse(null);
    }

    /** The sign-in Spring Security keeps in the session, if any. */
    private static Optional<Authentication> authentication(Map<String, Object> attributes) {
        return attributes.get(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME)
                        instanceof SecurityContext security
                ? Optional.ofNullable(security.getAuthentication())
                : Optional.empty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime now() {
        return utc(Instant.now());
    }

    private record Row(
            OffsetDateTime createdAt,
            OffsetDateTime lastAccessedAt,
            int maxInactiveSeconds,
            String keyId,
            byte[] attributes) {}
}
