package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Result of {@code createUser}: the user, or the reasons nothing changed. */
public record CreateUserPayload(UserAccount user, List<UserError> errors) {

    static CreateUserPayload of(UserAccount user) {
        return new CreateUserPayload(user, List.of());
    }

    static CreateUserPayload refused(List<UserError> errors) {
        return new CreateUserPayload(null, errors);
    }
}
