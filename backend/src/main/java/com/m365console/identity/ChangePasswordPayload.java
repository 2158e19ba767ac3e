package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Result of {@code changePassword}: the user, or the reasons nothing changed. */
public record ChangePasswordPayload(UserAccount user, List<UserError> errors) {

    static ChangePasswordPayload of(UserAccount user) {
        return new ChangePasswordPayload(user, List.of());
    }

    static ChangePasswordPayload refused(List<UserError> errors) {
        return new ChangePasswordPayload(null, errors);
    }
}
