package com.m365console.testsupport.microsoft;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Date;
import java.util.Optional;

/**
 * Checks a client assertion ({@code private_key_jwt}) as Entra does: the {@code x5t} header names a certificate
 * registered with the app, the RS256 signature verifies with it, aud is this token endpoint, iss = sub = the
 * client ID, a jti, and exp not passed. A refusal is Entra's error (AADSTS700027, AADSTS700024 for the time).
 */
final class ClientAssertions {

    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertions() {}

    /** Empty when the assertion is good; else the error to answer. */
    static Optional<AadError> refusal(String assertion, Directory.App app, String tokenEndpoint) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Optional.of(AadError.badRequest(
                    "invalid_request", 50027, "JWT token is invalid or malformed (client assertion)."));
        }
        Base64URL x5t = jwt.getHeader().getX509CertThumbprint();
        X509Certificate certificate = x5t == null
                ? null
                : app.certificates().stream()
                        .filter(candidate -> x5t.toString().equals(thumbprint(candidate)))
                        .findFirst()
                        .orElse(null);
        if (certificate == null) {
            return Optional.of(invalid("The certificate with identifier used to sign the client assertion is not "
                    + "registered on application. [Reason - The key was not found., Thumbprint of key used by client: '"
                    + (x5t == null ? "none" : x5t) + "']"));
        }
        try {
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) certificate.getPublicKey()))) {
                return Optional.of(invalid("Client assertion failed signature validation."));
            }
        } catch (JOSEException e) {
            return Optional.of(invalid("Client assertion failed signature validation."));
        }
        if (!claims.getAudience().contains(tokenEndpoint)) {
            return Optional.of(invalid("Client assertion audience claim " + claims.getAudience()
                    + " does not match the token endpoint " + tokenEndpoint + "."));
        }
        if (!app.clientId().equalsIgnoreCase(claims.getIssuer())
                || !app.clientId().equalsIgnoreCase(claims.getSubject())) {
            return Optional.of(invalid("Client assertion issuer and subject must be the client ID."));
        }
        if (claims.getJWTID() == null) {
            return Optional.of(invalid("Client assertion contains no jti claim."));
        }
        if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
            return Optional.of(AadError.invalidClient(700024, "Client assertion is not within its valid time range."));
        }
        return Optional.empty();
    }

    /** The {@code x5t} of a certificate: base64url of its SHA-1 thumbprint. */
    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()))
                    .toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AadError invalid(String message) {
        return AadError.invalidClient(700027, message);
    }
}
