package com.m365console.identity;

import java.util.List;

import com.m365console.platform.graphql.UserError;

/** Result of {@code changePassword}: the user, or the reasons nothing changed. */
public record ChangePasswordPayload(UserAccount user, List<UserError> errors) {

    static ChangePasswordPayload of(UserAccount user) {
        return new ChangePasswordPayload(user, List.of());
    }

    static ChangePasswordPayload refused(List<UserError> errors) {
        return new ChangePasswordPayload(null, errors);
    }
}
