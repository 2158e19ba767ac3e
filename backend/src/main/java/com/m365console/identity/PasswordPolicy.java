package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one rule every new password meets, wherever it is set. The upper bound is bcrypt's: it reads at most
 * 72 bytes of UTF-8, so a longer password could not be stored (and its tail would be ignored).
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    /** Whether a presented password is longer than any stored password can be. */
    public static boolean tooLong(CharSequence password) {
        return password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    static Optional<UserError> check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(
                    new UserError(field, UserErrorCode.WEAK_PASSWORD, "Use at least " + MIN_LENGTH + " characters."));
        }
        if (tooLong(password)) {
            return Optional.of(new UserError(
                    field,
                    UserErrorCode.TOO_LONG,
                    "Use at most " + MAX_BYTES + " bytes (" + MAX_BYTES + " letters; fewer with accents or emoji)."));
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of(
                    new UserError(field, UserErrorCode.WEAK_PASSWORD, "The password must not be the user name."));
        }
        return Optional.empty();
    }
}
