package com.m365console.platform.crypto;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for secrets at rest: {@code key} encrypts, {@code previousKeys} still decrypt (rotation).
 * Each is 32 random bytes in Base64. Without {@code key}, a key file under the data directory is used.
 */
@ConfigurationProperties("m365.encryption")
public record EncryptionProperties(String key, List<String> previousKeys) {

    public EncryptionProperties {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
    }
}
