package com.m365console.platform.crypto;

/** A stored secret could not be used; the message never contains the secret or the key. */
public class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }
}
