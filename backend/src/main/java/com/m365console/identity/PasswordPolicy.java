package com.m365console.identity;

import java.util.Optional;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;

/** The one rule every new password meets, wherever it is set. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static Optional<UserError> check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new UserError(field, UserErrorCode.WEAK_PASSWORD,
                    "Use at least " + MIN_LENGTH + " characters."));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new UserError(field, UserErrorCode.TOO_LONG,
                    "Use at most " + MAX_LENGTH + " characters."));
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of(new UserError(field, UserErrorCode.WEAK_PASSWORD,
                    "The password must not be the user name."));
        }
        return Optional.empty();
    }
}
