package com.m365console.platform.crypto;

/** A ciphertext (nonce followed by AES-GCM output) and the id of the key that made it. */
public record EncryptedValue(String keyId, byte[] ciphertext) {}
