package com.m365console.platform.graphql;

/** An expected failure returned as data in a mutation payload: which input field, what kind, what to do. */
public record UserError(String field, UserErrorCode code, String message) {}
