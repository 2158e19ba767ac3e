package com.m365console.security;

import java.util.Map;
import java.util.UUID;

/**
 * Something security-relevant that happened, as an administrator will review it: the action, the account
 * (its id when known, and the name as given), the client address, and the action's own details.
 */
public record AuditEvent(
        String action, UUID actorId, String actorName, String clientAddress, Map<String, Object> details) {

    /** Too many failed password sign-ins: further attempts for the name or from the address wait. */
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED";
}
