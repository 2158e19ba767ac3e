package com.m365console.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Which address a Microsoft identity maps by: an unverified {@code email} claim alone could name someone
 * else's address (the "nOAuth" mistake), so it counts only when Microsoft vouches for it.
 */
class MicrosoftAccountAddressTest {

    @Test
    void emailEqualToTheSignInNameIsUsed() {
        assertThat(MicrosoftAccountAddress.of(token("Jane@Contoso.com", "jane@contoso.com", null)))
                .isEqualTo("jane@contoso.com");
    }

    @Test
    void aVerifiedEmailDomainIsUsed() {
        assertThat(MicrosoftAccountAddress.of(token("jane.doe@contoso.com", "jdoe@contoso.onmicrosoft.com", true)))
                .isEqualTo("jane.doe@contoso.com");
    }

    @Test
    void anUnverifiedEmailFallsBackToTheSignInName() {
        assertThat(MicrosoftAccountAddress.of(token("ceo@victim.com", "mallory@evil.onmicrosoft.com", null)))
                .isEqualTo("mallory@evil.onmicrosoft.com");
    }

    @Test
    void withoutEmailTheSignInNameIsUsedAndNonAddressesAreNone() {
        assertThat(MicrosoftAccountAddress.of(token(null, "ann@fabrikam.com", null)))
                .isEqualTo("ann@fabrikam.com");
        assertThat(MicrosoftAccountAddress.of(token(null, "not-an-address", null)))
                .isNull();
    }

    private static OidcIdToken token(String email, String preferredUsername, Boolean emailDomainVerified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "s");
        if (email != null) {
            claims.put("email", email);
        }
        claims.put("preferred_username", preferredUsername);
        if (emailDomainVerified != null) {
            claims.put("xms_edov", emailDomainVerified);
        }
        return new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), claims);
    }
}
