package com.m365console.identity;

import com.m365console.security.RevokedCredential;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes personal API tokens. */
interface ApiTokenRepository extends ReactiveCrudRepository<ApiToken, UUID> {

    /** Tells every instance which tokens the statement revoked, and counts them. */
    String ANNOUNCE = ", told as (select pg_notify('" + RevokedCredential.CHANNEL
            + "', 'API_TOKEN:' || id) from revoked)" + " select count(*) from told";

    @Query("select * from api_token where user_id = :userId order by created_at desc")
    Flux<ApiToken> findByUserId(UUID userId);

    /**
     * A token that is neither revoked nor expired, with its enabled owner, in one statement (every API request runs
     * it), marking it used at most once a minute: a write (its row lock and WAL flush) on every request queued
     * concurrent requests of one token behind each other.
     */
    @Query("""
            with active as (select id, user_id, expires_at, last_used_at from api_token
                where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > now())),
            touched as (update api_token t set last_used_at = now() from active a
                where t.id = a.id and (a.last_used_at is null or a.last_used_at < now() - interval '1 minute'))
            select a.id, a.user_id, a.expires_at, u.username, u.role, u.must_change_password
            from active a join app_user u on u.id = a.user_id and u.enabled""")
    Mono<UsedToken> useToken(byte[] hash);

    /** The token while it is active and its owner enabled; empty once revoked or expired, or the owner disabled. */
    @Query("""
            select t.id, t.user_id, t.expires_at from api_token t join app_user u on u.id = t.user_id and u.enabled
            where t.id = :id and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())""")
    Mono<ActiveToken> findActive(UUID id);

    /** Revokes one of the owner's tokens, announcing it to every instance; answers 1, or 0 when none was active. */
    @Query("with revoked as (update api_token set revoked_at = now()"
            + " where id = :id and user_id = :userId and revoked_at is null returning id) " + ANNOUNCE)
    Mono<Long> revoke(UUID id, UUID userId);

    /** Revokes every active token of the owner, announcing each; answers how many. */
    @Query("with revoked as (update api_token set revoked_at = now()"
            + " where user_id = :userId and revoked_at is null returning id) " + ANNOUNCE)
    Mono<Long> revokeAll(UUID userId);

    /**
     * Tells every instance that the owner's active tokens no longer act as before (owner disabled, role changed),
     * without revoking them: their sockets close, and a new one authenticates afresh. Answers how many.
     */
    @Query("with revoked as (select id from api_token where user_id = :userId and revoked_at is null) " + ANNOUNCE)
    Mono<Long> announceAll(UUID userId);

    /** An active token: its id, owner and expiry (null: never). */
    record ActiveToken(UUID id, UUID userId, OffsetDateTime expiresAt) {}

    /** An active token of an enabled owner, with what the owner may do: their name, role and password state. */
    record UsedToken(
            UUID id, UUID userId, OffsetDateTime expiresAt, String username, Role role, boolean mustChangePassword) {}
}
