package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Result of {@code revokeApiToken}. */
public record RevokeApiTokenPayload(ApiToken token, List<UserError> errors) {}
