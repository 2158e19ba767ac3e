package com.m365console.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Makes up the one-time passwords the app hands out (the first administrator's, an admin's reset) and their end. */
@Component
class OneTimePasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration validity;

    OneTimePasswords(Clock clock, @Value("${m365.first-admin.one-time-password-validity:PT24H}") Duration validity) {
        this.clock = clock;
        this.validity = validity;
    }

    /** 120 random bits, URL-safe: 20 characters, within the password policy. */
    String generate() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** In whole seconds: PostgreSQL rounds to microseconds, and rounding up would let the password outlive its day. */
    OffsetDateTime expiry() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).plus(validity);
    }
}
