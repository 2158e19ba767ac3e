package com.m365console.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes sure someone can sign in on a fresh installation: creates the first administrator from
 * configuration, or with a one-time password printed to the log that must be replaced at first sign-in.
 * A one-time password expires; at every start while it was not replaced, a new one is printed and the old
 * one stops working, so a lost or expired one never locks the installation out.
 */
@Component
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String username;
    private final String configuredPassword;
    private final Duration validity;

    FirstAdminInitializer(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            Clock clock,
            @Value("${m365.first-admin.username:admin}") String username,
            @Value("${m365.first-admin.password:}") String configuredPassword,
            @Value("${m365.first-admin.one-time-password-validity:PT24H}") Duration validity) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.validity = validity;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.existsByRole(Role.ADMIN)
                .flatMap(exists -> exists ? renewOneTimePasswords() : createAdmin())
                .onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
                .block();
    }

    private Mono<Void> createAdmin() {
        if (!configuredPassword.isBlank()) {
            UserAccount admin = UserAccount.create(
                    username, "Administrator", null, passwordEncoder.encode(configuredPassword), Role.ADMIN);
            return users.save(admin)
                    .doOnNext(saved -> log.info("Created the first administrator '{}' from configuration", username))
                    .then();
        }
        String password = randomPassword();
        OffsetDateTime expiresAt = expiry();
        UserAccount admin = UserAccount.withOneTimePassword(
                username, "Administrator", passwordEncoder.encode(password), Role.ADMIN, expiresAt);
        return users.save(admin)
                .doOnNext(saved -> log.warn(
                        "Created the first administrator '{}' with the "
                                + "one-time password: {}  (valid until {}; it must be changed at first sign-in)",
                        username,
                        password,
                        expiresAt))
                .then();
    }

    private Mono<Void> renewOneTimePasswords() {
        return users.findWithOneTimePassword().concatMap(this::renew).then();
    }

    private Mono<UserAccount> renew(UserAccount account) {
        String password = randomPassword();
        OffsetDateTime expiresAt = expiry();
        return users.save(account.withOneTimePassword(passwordEncoder.encode(password), expiresAt))
                .doOnNext(saved -> log.warn(
                        "'{}' has not chosen a password yet; its new one-time password: {}  "
                                + "(valid until {}; the previous one no longer works; it must be changed at first sign-in)",
                        saved.username(),
                        password,
                        expiresAt));
    }

    /** In whole seconds: PostgreSQL rounds to microseconds, and rounding up would let the password outlive its day. */
    private OffsetDateTime expiry() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).plus(validity);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
