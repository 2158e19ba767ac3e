package com.m365console.identity;

import java.util.List;

import com.m365console.platform.graphql.UserError;

/** Result of the user mutations: the user, or the reasons nothing changed. */
public record UserPayload(UserAccount user, List<UserError> errors) {

    static UserPayload of(UserAccount user) {
        return new UserPayload(user, List.of());
    }

    static UserPayload refused(List<UserError> errors) {
        return new UserPayload(null, errors);
    }
}
