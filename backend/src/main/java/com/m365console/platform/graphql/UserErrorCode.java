package com.m365console.platform.graphql;

/** Mirrors the schema's UserErrorCode enum. */
public enum UserErrorCode {
    REQUIRED,
    INVALID_FORMAT,
    INVALID_GUID,
    INVALID_TENANT,
    LOOKS_LIKE_SECRET_ID,
    TOO_LONG,
    CONFLICT,
    PRECONDITION_FAILED,
    NOT_FOUND,
    NEEDS_REAUTH,
    MAIL_SERVER_REFUSED,
    MAIL_SERVER_UNREACHABLE,
    MICROSOFT_UNAVAILABLE,
    WRONG_PASSWORD,
    WEAK_PASSWORD,
    INVALID_CHARACTERS
}
