package com.m365console.identity;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes local accounts. */
public interface UserAccountRepository extends ReactiveCrudRepository<UserAccount, UUID> {

    @Query("select * from app_user where lower(username) = lower(:username)")
    Mono<UserAccount> findByUsername(String username);

    @Query("select * from app_user where lower(email) = lower(:email)")
    Flux<UserAccount> findByEmail(String email);

    Mono<Boolean> existsByRole(Role role);

    @Query("select * from app_user where one_time_password_expires_at is not null order by created_at")
    Flux<UserAccount> findWithOneTimePassword();

    @Query("select * from app_user order by lower(username)")
    Flux<UserAccount> findAllOrderByUsername();
}
