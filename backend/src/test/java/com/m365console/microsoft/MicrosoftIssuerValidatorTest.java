package com.m365console.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Microsoft's issuer rules: exact for a fixed tenant, filled in from the token's own tid for multi-tenant sign-in. */
class MicrosoftIssuerValidatorTest {

    static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String FABRIKAM = "4a2c7b8e-0f1d-4c3b-9e8a-7d6c5b4a3f21";
    static final String AUTHORITY = "https://login.microsoftonline.com";

    @Test
    void aFixedTenantAcceptsOnlyItsOwnIssuer() {
        var validator = new MicrosoftIssuerValidator(AUTHORITY + "/" + CONTOSO + "/v2.0");

        assertThat(validator.validate(token(CONTOSO, CONTOSO)).hasErrors()).isFalse();
        assertThat(validator.validate(token(FABRIKAM, FABRIKAM)).hasErrors()).isTrue();
    }

    @Test
    void theMultiTenantTemplateIsFilledWithTheTokensOwnTenant() {
        var validator = new MicrosoftIssuerValidator(AUTHORITY + "/{tenantid}/v2.0");

        assertThat(validator.validate(token(CONTOSO, CONTOSO)).hasErrors()).isFalse();
        assertThat(validator.validate(token(FABRIKAM, FABRIKAM)).hasErrors()).isFalse();
        assertThat(validator.validate(token(CONTOSO, FABRIKAM)).hasErrors()).isTrue();
        assertThat(validator.validate(token(null, CONTOSO)).hasErrors()).isTrue();
    }

    private static Jwt token(String tid, String issuerTenant) {
        var builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claim("iss", AUTHORITY + "/" + issuerTenant + "/v2.0")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (tid != null) {
            builder.claim("tid", tid);
        }
        return builder.build();
    }
}
