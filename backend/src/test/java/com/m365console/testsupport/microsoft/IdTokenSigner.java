package com.m365console.testsupport.microsoft;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Holds the one RSA 2048 signing key, publishes it as a Microsoft-shaped JWKS, and signs v2.0 ID tokens with it. */
final class IdTokenSigner {

    private final RSAKey key;
    private final RSASSASigner signer;

    IdTokenSigner() {
        try {
            RSAKey generated =
                    new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate();
            String kid = generated.computeThumbprint("SHA-1").toString();
            this.key = new RSAKey.Builder(generated).keyID(kid).build();
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the RSA signing key", e);
        }
    }

    String keyId() {
        return key.getKeyID();
    }

    /** The JWKS as Microsoft serves it: x5t equal to kid, and the issuer the key signs for. */
    Map<String, Object> jwks(String issuer) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", key.getKeyID());
        jwk.put("x5t", key.getKeyID());
        jwk.put("n", key.getModulus().toString());
        jwk.put("e", key.getPublicExponent().toString());
        jwk.put("issuer", issuer);
        return Map.of("keys", List.of(jwk));
    }

    /**
     * A v2.0 ID token for the account, signed with the JWKS key. Overrides replace or add claims; an override
     * whose value is null removes that claim.
     */
    String idToken(
            String authority, String clientId, Directory.Account account, String nonce, Map<String, Object> overrides) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", clientId);
        claims.put("iss", authority + "/" + account.tenantId() + "/v2.0");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 3600);
        claims.put("email", account.email());
        claims.put("name", account.displayName());
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        claims.put("oid", account.oid());
        claims.put("preferred_username", account.email());
        claims.put("rh", "0.A" + Http.random(48) + ".");
        claims.put("sub", pairwiseSubject(clientId, account));
        claims.put("tid", account.tenantId());
        claims.put("uti", Http.random(16));
        claims.put("ver", "2.0");
        overrides.forEach((name, value) -> {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
        });
        return sign(claims);
    }

    /** Entra's sub is pairwise: stable for one app and one account, different across apps. */
    static String pairwiseSubject(String clientId, Directory.Account account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientId.toLowerCase() + "|" + account.tenantId() + "|" + account.oid())
                            .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the ID token", e);
        }
        return jwt.serialize();
    }
}
