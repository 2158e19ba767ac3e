package com.m365console.identity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.r2dbc.repository.Modifying;
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

    /** Notes a successful sign-in (password or Microsoft 365), for the admin's user list. */
    @Modifying
    @Query("update app_user set last_signed_in_at = now() where id = :id")
    Mono<Integer> markSignedIn(UUID id);

    @Query("update app_user set enabled = :enabled where id = :id returning *")
    Mono<UserAccount> setEnabled(UUID id, boolean enabled);

    @Query("update app_user set role = :role where id = :id returning *")
    Mono<UserAccount> setRole(UUID id, String role);

    /** Replaces the password with a one-time one that must be changed at the next sign-in. */
    @Query("""
            update app_user set password_hash = :hash, must_change_password = true,
                one_time_password_expires_at = :expiresAt
            where id = :id returning *""")
    Mono<UserAccount> setOneTimePassword(UUID id, String hash, OffsetDateTime expiresAt);

    /** Enabled administrators other than this account. */
    @Query("select count(*) from app_user where role = 'ADMIN' and enabled and id <> :id")
    Mono<Long> countOtherEnabledAdmins(UUID id);
}
