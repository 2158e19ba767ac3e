package com.m365console.identity;

import java.util.List;

import com.m365console.platform.graphql.UserError;

/** Result of {@code revokeApiToken}. */
public record RevokeApiTokenPayload(ApiToken token, List<UserError> errors) {
}
