package com.m365console.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a high-entropy secret the console hands out and later only recognises (an API token, a Graph
 * subscription's client state): kept instead of the secret, and compared in constant time.
 */
public final class SecretDigests {

    private SecretDigests() {}

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether {@code presented} is the secret whose digest is {@code stored}, taking the same time either way. */
    public static boolean matches(String presented, byte[] stored) {
        return stored != null && MessageDigest.isEqual(sha256(presented), stored);
    }
}
