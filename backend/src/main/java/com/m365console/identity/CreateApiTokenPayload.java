package com.m365console.identity;

import java.util.List;

import com.m365console.platform.graphql.UserError;

/** Result of {@code createApiToken}: the token's secret is in this payload and nowhere else, ever. */
public record CreateApiTokenPayload(ApiToken token, String secret, List<UserError> errors) {
    static CreateApiTokenPayload refused(UserError error) {
        return new CreateApiTokenPayload(null, null, List.of(error));
    }
}
