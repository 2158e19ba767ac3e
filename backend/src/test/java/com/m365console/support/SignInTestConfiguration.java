package com.m365console.support;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * For tests of sign-in hardening: a clock the test moves (throttle waits, password expiry) and the password
 * encoder counting its checks (equal work for known and unknown names). Import it next to {@link IntegrationTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignInTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    @Primary
    CountingPasswordEncoder countingPasswordEncoder(@Qualifier("passwordEncoder") PasswordEncoder appEncoder) {
        return new CountingPasswordEncoder(appEncoder);
    }
}
