package com.m365console.settings;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A certificate credential of the app registration: the X.509 certificate registered in Azure and the private key
 * that signs client assertions with it. The key never appears in {@link #toString()}.
 */
public record ClientCertificate(X509Certificate certificate, PrivateKey privateKey) {

    /** The SHA-1 thumbprint in upper-case hex, as Azure shows it under Certificates & secrets. */
    public String thumbprint() {
        return HexFormat.of().withUpperCase().formatHex(sha1());
    }

    /** The {@code x5t} header Microsoft wants on a client assertion: base64url of the SHA-1 thumbprint. */
    public String x5t() {
        return Base64URL.encode(sha1()).toString();
    }

    public OffsetDateTime notBefore() {
        return certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime notAfter() {
        return certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC);
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    /** The certificate alone, in PEM: what the admin uploads in Azure. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The certificate cannot be encoded", e);
        }
    }

    /** The signing key as Nimbus wants it for a client assertion (RS256, with the thumbprint as key id). */
    public RSAKey jwk() {
        return new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey())
                .privateKey(privateKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(thumbprint())
                .build();
    }

    private byte[] sha1() {
        try {
            return MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The certificate's thumbprint cannot be computed", e);
        }
    }

    @Override
    public String toString() {
        return "ClientCertificate[thumbprint=" + thumbprint() + ", privateKey=[set]]";
    }
}
