package com.m365console.identity;

import java.security.SecureRandom;
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
 * configuration, or with a one-time password printed once to the log that must be replaced at first sign-in.
 */
@Component
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final String username;
    private final String configuredPassword;

    FirstAdminInitializer(UserAccountRepository users, PasswordEncoder passwordEncoder,
            @Value("${m365.first-admin.username:admin}") String username,
            @Value("${m365.first-admin.password:}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.username = username;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.existsByRole(Role.ADMIN)
                .filter(exists -> !exists)
                .flatMap(none -> createAdmin())
                .onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
                .block();
    }

    private Mono<UserAccount> createAdmin() {
        boolean oneTime = configuredPassword.isBlank();
        String password = oneTime ? randomPassword() : configuredPassword;
        UserAccount admin = UserAccount.create(username, "Administrator", null, passwordEncoder.encode(password),
                Role.ADMIN, oneTime);
        return users.save(admin).doOnNext(saved -> {
            if (oneTime) {
                log.warn("Created the first administrator '{}' with the one-time password: {}  "
                        + "(shown once; it must be changed at first sign-in)", username, password);
            }
            else {
                log.info("Created the first administrator '{}' from configuration", username);
            }
        });
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
