package com.m365console.security;

import com.m365console.identity.UserAccount;
import com.m365console.identity.UserAccountRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Looks local accounts up for password sign-in. A name that cannot sign in with a password (unknown, made by
 * Microsoft 365 sign-in, disabled, or whose one-time password expired) gets a stand-in whose hash matches no
 * password, so the password is hashed just the same and the answer time does not tell which names exist.
 */
@Component
class AccountUserDetailsService implements ReactiveUserDetailsService {

    /** Longer names are not looked up: no account has one (user names are at most 64, e-mail addresses 254). */
    private static final int LONGEST_NAME = 320;

    private final UserAccountRepository users;
    private final Clock clock;
    private final UserDetails standIn;

    AccountUserDetailsService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.standIn = standIn(passwordEncoder.encode(randomSecret()));
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        Mono<UserAccount> account = username == null || username.isBlank() || username.length() > LONGEST_NAME
                ? Mono.empty()
                : users.findByUsername(username);
        return account.filter(this::canSignInWithPassword)
                .<UserDetails>map(AccountPrincipal::of)
                .defaultIfEmpty(standIn);
    }

    private boolean canSignInWithPassword(UserAccount account) {
        return account.passwordHash() != null && account.enabled() && !account.oneTimePasswordExpired(clock.instant());
    }

    /** Passes the checks before the password, and would fail the one after it should the hash ever match. */
    private static UserDetails standIn(String hash) {
        return User.withUsername("no account")
                .password(hash)
                .authorities(List.of())
                .credentialsExpired(true)
                .build();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
