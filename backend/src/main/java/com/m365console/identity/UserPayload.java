package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Result of an admin's action on an account: the account as it is now, or the reason nothing changed. */
public record UserPayload(UserAccount user, List<UserError> errors) {

    static UserPayload of(UserAccount user) {
        return new UserPayload(user, List.of());
    }

    static UserPayload refused(UserError error) {
        return new UserPayload(null, List.of(error));
    }
}
