package com.m365console.identity;

import java.util.UUID;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes personal API tokens. */
interface ApiTokenRepository extends ReactiveCrudRepository<ApiToken, UUID> {

    @Query("select * from api_token where user_id = :userId order by created_at desc")
    Flux<ApiToken> findByUserId(UUID userId);

    /** The owner of a token that is neither revoked nor expired, marking the token used. */
    @Query("""
            update api_token set last_used_at = now()
            where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > now())
            returning user_id""")
    Mono<UUID> useToken(byte[] hash);

    @Modifying
    @Query("update api_token set revoked_at = now() where id = :id and user_id = :userId and revoked_at is null")
    Mono<Integer> revoke(UUID id, UUID userId);
}
