package com.m365console.identity;

/** The audit trail's names for what administrators do to accounts (details: the target's userId and username). */
public final class UserAuditActions {

    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String USER_ENABLED = "USER_ENABLED";
    /** Details also say whether the mail was deleted or kept, and how many mailboxes were kept. */
    public static final String USER_DELETED = "USER_DELETED";
    /** Details also carry {@code from} and {@code to}, the roles before and after. */
    public static final String USER_ROLE_CHANGED = "USER_ROLE_CHANGED";
    /** Never carries the password. */
    public static final String USER_PASSWORD_RESET = "USER_PASSWORD_RESET";
    /** Details also carry the identity's tenantId and objectId. */
    public static final String USER_IDENTITY_UNLINKED = "USER_IDENTITY_UNLINKED";

    private UserAuditActions() {}
}
