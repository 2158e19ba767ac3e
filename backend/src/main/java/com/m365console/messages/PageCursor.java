package com.m365console.messages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import com.m365console.platform.graphql.InvalidArgumentException;

/** A position in a folder's newest-first list: the received time and UID of the last message shown. */
record PageCursor(OffsetDateTime receivedAt, long uid) {

    String encode() {
        String time = receivedAt == null ? "-" : Long.toString(receivedAt.toInstant().toEpochMilli());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((time + ":" + uid).getBytes(StandardCharsets.US_ASCII));
    }

    static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            OffsetDateTime time = "-".equals(parts[0]) ? null
                    : Instant.ofEpochMilli(Long.parseLong(parts[0])).atOffset(ZoneOffset.UTC);
            return new PageCursor(time, Long.parseLong(parts[1]));
        }
        catch (RuntimeException ex) {
            throw new InvalidArgumentException("after is not a cursor returned by messages");
        }
    }
}
