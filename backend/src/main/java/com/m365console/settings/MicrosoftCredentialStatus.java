package com.m365console.settings;

import java.time.OffsetDateTime;

/**
 * What admins are told about the credential in use (schema type {@code MicrosoftCredentialStatus}): when it expires,
 * whether that is soon, whether Microsoft refused it as expired, and a sentence saying what to do.
 */
public record MicrosoftCredentialStatus(
        boolean configured,
        MicrosoftCredentialType kind,
        OffsetDateTime expiresAt,
        Integer expiresInDays,
        boolean expiringSoon,
        OffsetDateTime rejectedAt,
        String message,
        OffsetDateTime checkedAt) {

    /** Whether the banner should show: expiring within the warning period, expired, or refused by Microsoft. */
    public boolean needsAttention() {
        return expiringSoon || rejectedAt != null;
    }
}
