package com.m365console.microsoft;

import java.util.Locale;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * The e-mail address of a Microsoft identity, from its ID token: the {@code email} claim when Microsoft
 * vouches for it (its domain is verified, {@code xms_edov}, or it is the sign-in name), else the sign-in
 * name {@code preferred_username}. An unverified {@code email} claim alone could name someone else's address.
 */
public final class MicrosoftAccountAddress {

    private MicrosoftAccountAddress() {}

    public static String of(ClaimAccessor idToken) {
        String email = lower(idToken.getClaimAsString("email"));
        String username = lower(idToken.getClaimAsString("preferred_username"));
        boolean emailVerified =
                Boolean.TRUE.equals(idToken.getClaimAsBoolean("xms_edov")) || (email != null && email.equals(username));
        String address = email != null && emailVerified ? email : username;
        return address != null && address.indexOf('@') > 0 ? address : null;
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
