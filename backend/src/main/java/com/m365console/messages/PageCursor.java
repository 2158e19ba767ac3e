package com.m365console.messages;

import com.m365console.platform.graphql.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A position in a folder's newest-first list: the received time and UID of the last message shown. */
record PageCursor(OffsetDateTime receivedAt, long uid) {

    private static final int MAX_LENGTH = 64;
    private static final long MAX_UID = 0xFFFF_FFFFL;
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Pattern SHAPE = Pattern.compile("(-|-?\\d{1,15}):(\\d{1,10})");

    String encode() {
        String time =
                receivedAt == null ? "-" : Long.toString(receivedAt.toInstant().toEpochMilli());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((time + ":" + uid).getBytes(StandardCharsets.US_ASCII));
    }

    /** Only what {@link #encode} can produce: a time PostgreSQL can compare (years 0 to 9999) and an IMAP UID. */
    static PageCursor decode(String cursor) {
        Matcher parts = cursor.length() > MAX_LENGTH ? null : SHAPE.matcher(decodeBase64(cursor));
        if (parts == null || !parts.matches()) {
            throw invalid();
        }
        long uid = Long.parseLong(parts.group(2));
        if (uid > MAX_UID) {
            throw invalid();
        }
        if ("-".equals(parts.group(1))) {
            return new PageCursor(null, uid);
        }
        long millis = Long.parseLong(parts.group(1));
        if (millis < EARLIEST.toEpochMilli() || millis > LATEST.toEpochMilli()) {
            throw invalid();
        }
        return new PageCursor(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC), uid);
    }

    private static String decodeBase64(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException ex) {
            throw invalid();
        }
    }

    private static InvalidArgumentException invalid() {
        return new InvalidArgumentException("after is not a cursor returned by messages");
    }
}
