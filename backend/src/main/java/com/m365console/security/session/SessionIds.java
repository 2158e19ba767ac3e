package com.m365console.security.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A session is stored and announced under the SHA-256 of its id, so neither the table nor a notice holds a cookie. */
public final class SessionIds {

    private SessionIds() {}

    static byte[] hash(String sessionId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The key a session's sockets and revocation notices know it by. */
    public static String key(String sessionId) {
        return HexFormat.of().formatHex(hash(sessionId));
    }

    static byte[] fromKey(String key) {
        return HexFormat.of().parseHex(key);
    }
}
