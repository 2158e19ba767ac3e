package com.m365console.identity;

/** What a local account may do: ADMIN configures the system, USER works with their own mailboxes. */
public enum Role {
    ADMIN,
    USER
}
