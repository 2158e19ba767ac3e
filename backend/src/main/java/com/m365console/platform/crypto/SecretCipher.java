package com.m365console.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (client secret, later tokens) with AES-256-GCM before they reach the database.
 * The purpose string (e.g. the setting name) is bound as associated data, so a ciphertext copied to
 * another row does not decrypt there. Key ids are derived from the key bytes, so rotation needs no naming.
 */
public class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    public SecretCipher(byte[] activeKey, List<byte[]> previousKeys) {
        this.activeKeyId = register(activeKey);
        previousKeys.forEach(this::register);
    }

    public EncryptedValue encrypt(String plaintext, String purpose) {
        return encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), purpose);
    }

    public String decrypt(EncryptedValue value, String purpose) {
        return new String(decryptBytes(value, purpose), StandardCharsets.UTF_8);
    }

    public EncryptedValue encryptBytes(byte[] plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, purpose, plaintext);
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return new EncryptedValue(activeKeyId, out);
    }

    public byte[] decryptBytes(EncryptedValue value, String purpose) {
        SecretKeySpec key = keys.get(value.keyId());
        if (key == null) {
            throw new SecretDecryptionException("No encryption key with id " + value.keyId()
                    + " is configured; add it to m365.encryption.previous-keys");
        }
        byte[] data = value.ciphertext();
        byte[] nonce = java.util.Arrays.copyOfRange(data, 0, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(data, NONCE_BYTES, data.length);
        return run(Cipher.DECRYPT_MODE, key, nonce, purpose, sealed);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private String register(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    "An encryption key must be 32 bytes (Base64 of 32 random bytes), got " + key.length);
        }
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] nonce, String purpose, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException ex) {
            throw new SecretDecryptionException("A stored secret could not be "
                    + (mode == Cipher.ENCRYPT_MODE
                            ? "encrypted"
                            : "decrypted: wrong key, or the value was tampered with"));
        }
    }

    private static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
