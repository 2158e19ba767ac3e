package com.m365console.security;

import com.m365console.identity.PasswordPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Keeps bcrypt's 72-byte limit from deciding sign-ins: bcrypt ignores what follows the 72nd byte, so a longer
 * presented password would match a stored one that is its first 72 bytes. Such a password never matches here,
 * after the same hashing work as any other (its length must not show in the answer time).
 */
final class LengthCheckingPasswordEncoder implements PasswordEncoder {

    private static final String STAND_IN = "over-long password stand-in";

    private final PasswordEncoder delegate;

    LengthCheckingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (PasswordPolicy.tooLong(rawPassword)) {
            throw new IllegalArgumentException("A password must be at most " + PasswordPolicy.MAX_BYTES + " bytes");
        }
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (PasswordPolicy.tooLong(rawPassword)) {
            delegate.matches(STAND_IN, encodedPassword);
            return false;
        }
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
