package com.m365console.microsoft;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks an ID token's issuer the way Microsoft documents it: against the tenant's exact issuer, or, for
 * multi-tenant sign-in (organizations/common), against the template filled in with the token's own tid.
 */
public class MicrosoftIssuerValidator implements OAuth2TokenValidator<Jwt> {

    private static final String TENANT_PLACEHOLDER = "{tenantid}";

    private final String expectedIssuer;

    public MicrosoftIssuerValidator(String expectedIssuer) {
        this.expectedIssuer = expectedIssuer;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String tid = token.getClaimAsString("tid");
        String issuer = token.getClaimAsString("iss");
        String expected = expectedIssuer.contains(TENANT_PLACEHOLDER)
                ? (tid == null ? null : expectedIssuer.replace(TENANT_PLACEHOLDER, tid))
                : expectedIssuer;
        if (expected != null && expected.equals(issuer)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                "invalid_id_token",
                "The ID token was issued by " + issuer + ", not by the configured tenant (" + expected + ")",
                null));
    }
}
