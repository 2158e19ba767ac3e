package com.m365console.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link SecretCipher} from configured keys, or from a key file it creates once. */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

    @Bean
    SecretCipher secretCipher(EncryptionProperties properties, @Value("${m365.data-dir}") Path dataDir) {
        byte[] active = properties.key() == null || properties.key().isBlank()
                ? keyFromFile(dataDir.toAbsolutePath().normalize().resolve("encryption.key"))
                : decode("m365.encryption.key", properties.key());
        List<byte[]> previous = properties.previousKeys().stream()
                .map(key -> decode("m365.encryption.previous-keys", key))
                .toList();
        return new SecretCipher(active, previous);
    }

    private static byte[] keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(
                    file,
                    Base64.getEncoder().encodeToString(key),
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            restrictToOwner(file);
            log.warn(
                    "No encryption key configured (m365.encryption.key): created {}. Back it up; without it the "
                            + "stored secrets cannot be read.",
                    file);
            return key;
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read or create the encryption key file " + file, ex);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static byte[] decode(String source, String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + " is not valid Base64 (expected 32 random bytes in Base64)");
        }
    }
}
