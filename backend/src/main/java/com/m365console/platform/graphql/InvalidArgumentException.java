package com.m365console.platform.graphql;

/** A query argument out of its documented range; reported as a BAD_REQUEST GraphQL error with this message. */
public class InvalidArgumentException extends RuntimeException {

    public InvalidArgumentException(String message) {
        super(message);
    }
}
