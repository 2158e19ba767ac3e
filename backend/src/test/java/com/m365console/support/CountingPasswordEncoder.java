package com.m365console.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The app's password encoder, counting how often a password is checked: the costly step sign-in must not skip. */
public final class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final AtomicInteger matches = new AtomicInteger();

    CountingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    /** How many checks since the last call, then starts counting again. */
    public int takeMatches() {
        return matches.getAndSet(0);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        matches.incrementAndGet();
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
