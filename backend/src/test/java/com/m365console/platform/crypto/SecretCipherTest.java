package com.m365console.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AES-GCM secrets: round trip, purpose binding, tamper detection and key rotation. */
class SecretCipherTest {

    final byte[] oldKey = randomKey();
    final byte[] newKey = randomKey();

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        SecretCipher cipher = new SecretCipher(newKey, List.of());
        EncryptedValue first = cipher.encrypt("s3cret", "microsoft.client_secret");
        EncryptedValue second = cipher.encrypt("s3cret", "microsoft.client_secret");

        assertThat(cipher.decrypt(first, "microsoft.client_secret")).isEqualTo("s3cret");
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.keyId()).isEqualTo(cipher.activeKeyId()).hasSize(16);
    }

    @Test
    void aCiphertextMovedToAnotherPurposeDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(newKey, List.of());
        EncryptedValue value = cipher.encrypt("s3cret", "microsoft.client_secret");

        assertThatThrownBy(() -> cipher.decrypt(value, "mailbox.refresh_token"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void tamperingIsDetected() {
        SecretCipher cipher = new SecretCipher(newKey, List.of());
        EncryptedValue value = cipher.encrypt("s3cret", "p");
        value.ciphertext()[value.ciphertext().length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(value, "p")).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void previousKeysStillDecryptAfterRotation() {
        EncryptedValue underOldKey = new SecretCipher(oldKey, List.of()).encrypt("s3cret", "p");
        SecretCipher rotated = new SecretCipher(newKey, List.of(oldKey));

        assertThat(rotated.decrypt(underOldKey, "p")).isEqualTo("s3cret");
        assertThat(rotated.encrypt("s3cret", "p").keyId()).isNotEqualTo(underOldKey.keyId());
    }

    @Test
    void aMissingKeyIsNamedByItsId() {
        EncryptedValue underOldKey = new SecretCipher(oldKey, List.of()).encrypt("s3cret", "p");

        assertThatThrownBy(() -> new SecretCipher(newKey, List.of()).decrypt(underOldKey, "p"))
                .hasMessageContaining(underOldKey.keyId())
                .hasMessageContaining("previous-keys");
    }

    @Test
    void keysMustBe32Bytes() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16], List.of())).hasMessageContaining("32 bytes");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
