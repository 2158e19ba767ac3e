package com.m365console.security;

import java.util.Map;
import java.util.UUID;

/**
 * Something security-relevant that happened, as an administrator will review it: the action, the account
 * (its id when known, and the name as given), the client address, and the action's own details.
 * {@link AuditEvents#record} fills a missing name from the account and a missing address from the request.
 */
public record AuditEvent(
        String action, UUID actorId, String actorName, String clientAddress, Map<String, Object> details) {

    /** Too many failed password sign-ins: further attempts for the name or from the address wait. */
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED";
    /** A setting saved: details {setting, change, oldValue, newValue}; a secret's values never. */
    public static final String SETTING_CHANGED = "SETTING_CHANGED";
    /** An account ended all of its own sessions: details {sessionsEnded}. */
    public static final String SIGNED_OUT_EVERYWHERE = "SIGNED_OUT_EVERYWHERE";
    /** An account changed its own password (its other sessions and its API tokens ended). */
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    /** Details {tokenId, name, expiresAt}; never the token. */
    public static final String API_TOKEN_CREATED = "API_TOKEN_CREATED";
    /** Details {tokenId, name}. */
    public static final String API_TOKEN_REVOKED = "API_TOKEN_REVOKED";
    /** A new mailbox's tokens stored: details {mailboxId, address, kind}. */
    public static final String MAILBOX_CONNECTED = "MAILBOX_CONNECTED";
    /** An existing mailbox connected again (after Needs reconnect or Disconnect): details as connected. */
    public static final String MAILBOX_RECONNECTED = "MAILBOX_RECONNECTED";
    /** Details {mailboxId, address, kind, mailDeleted}. */
    public static final String MAILBOX_DISCONNECTED = "MAILBOX_DISCONNECTED";

    /** An action of a signed-in account, from the request being served: name and address are filled in. */
    public static AuditEvent by(String action, UUID actorId, Map<String, Object> details) {
        return new AuditEvent(action, actorId, null, null, details);
    }
}
