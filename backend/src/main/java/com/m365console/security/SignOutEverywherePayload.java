package com.m365console.security;

import java.util.List;

import com.m365console.platform.graphql.UserError;

/** Result of {@code signOutEverywhere}. */
public record SignOutEverywherePayload(int endedSessions, List<UserError> errors) {
}
