package com.m365console.audit;

import com.m365console.platform.graphql.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the newest-first audit log: the time (to the microsecond, PostgreSQL's precision, so no row
 * at the same millisecond is skipped) and id of the last event shown.
 */
record AuditCursor(OffsetDateTime occurredAt, long id) {

    private static final int MAX_LENGTH = 64;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final Pattern SHAPE = Pattern.compile("(-?\\d{1,18}):(\\d{1,18})");

    String encode() {
        long micros = micros(occurredAt.toInstant());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Only what {@link #encode} can produce: a time PostgreSQL can compare (years 1 to 9999) and an id. */
    static AuditCursor decode(String cursor) {
        Matcher parts = cursor.length() > MAX_LENGTH ? null : SHAPE.matcher(decodeBase64(cursor));
        if (parts == null || !parts.matches()) {
            throw invalid();
        }
        long micros = Long.parseLong(parts.group(1));
        if (micros < micros(EARLIEST) || micros > micros(LATEST)) {
            throw invalid();
        }
        Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return new AuditCursor(at.atOffset(ZoneOffset.UTC), Long.parseLong(parts.group(2)));
    }

    /** Microseconds since 1970 (ChronoUnit's between overflows over nanoseconds this far from 1970). */
    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static String decodeBase64(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException ex) {
            throw invalid();
        }
    }

    private static InvalidArgumentException invalid() {
        return new InvalidArgumentException("after is not a cursor returned by auditLog");
    }
}
