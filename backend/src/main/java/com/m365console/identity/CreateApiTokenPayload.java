package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Result of {@code createApiToken}: the token's secret is in this payload and nowhere else, ever. */
public record CreateApiTokenPayload(ApiToken token, String secret, List<UserError> errors) {
    static CreateApiTokenPayload refused(UserError error) {
        return new CreateApiTokenPayload(null, null, List.of(error));
    }
}
