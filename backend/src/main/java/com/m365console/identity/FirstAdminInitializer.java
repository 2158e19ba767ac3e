package com.m365console.identity;

import java.time.OffsetDateTime;
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
    private final OneTimePasswords oneTimePasswords;
    private final String username;
    private final String configuredPassword;

    FirstAdminInitializer(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            OneTimePasswords oneTimePasswords,
            @Value("${m365.first-admin.username:admin}") String username,
            @Value("${m365.first-admin.password:}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.oneTimePasswords = oneTimePasswords;
        this.username = username;
        this.configuredPassword = configuredPassword;
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
        String password = oneTimePasswords.generate();
        OffsetDateTime expiresAt = oneTimePasswords.expiry();
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

    /**
     * Only the first administrator's: the log is how it gets one. A one-time password an admin gave someone else
     * through a reset stays as it was given (and is never printed).
     */
    private Mono<Void> renewOneTimePasswords() {
        return users.findWithOneTimePassword()
                .filter(account -> account.username().equalsIgnoreCase(username))
                .concatMap(this::renew)
                .then();
    }

    private Mono<UserAccount> renew(UserAccount account) {
        String password = oneTimePasswords.generate();
        OffsetDateTime expiresAt = oneTimePasswords.expiry();
        return users.save(account.withOneTimePassword(passwordEncoder.encode(password), expiresAt))
                .doOnNext(saved -> log.warn(
                        "'{}' has not chosen a password yet; its new one-time password: {}  "
                                + "(valid until {}; the previous one no longer works; it must be changed at first sign-in)",
                        saved.username(),
                        password,
                        expiresAt));
    }
}
