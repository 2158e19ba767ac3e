package com.m365console.security;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Result of {@code signOutEverywhere}. */
public record SignOutEverywherePayload(int endedSessions, List<UserError> errors) {}
