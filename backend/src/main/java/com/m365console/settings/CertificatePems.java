package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes and reads certificate credentials: a new RSA 2048 key pair with a self-signed X.509 certificate, or an
 * uploaded PEM key and certificate, checked (the key signs what the certificate verifies, the certificate is valid
 * now). Uses BouncyCastle's PEM reader and certificate builder; nothing here logs or returns the key.
 */
final class CertificatePems {

    static final int KEY_BITS = 2048;
    private static final int MAX_PEM_LENGTH = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A parsed upload, or why it was refused. */
    record Parsed(ClientCertificate certificate, List<UserError> errors) {}

    private CertificatePems() {}

    static ClientCertificate generate(String commonName, Period validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Principal subject = new X500Principal("CN=" + commonName);
            var builder = new JcaX509v3CertificateBuilder(
                            subject,
                            new BigInteger(127, RANDOM).add(BigInteger.ONE),
                            Date.from(now.minusSeconds(300)),
                            Date.from(
                                    now.atOffset(ZoneOffset.UTC).plus(validity).toInstant()),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            X509CertificateHolder holder =
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return new ClientCertificate(new JcaX509CertificateConverter().getCertificate(holder), pair.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(
                    "Could not generate a certificate: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Reads and checks an uploaded key and certificate; the errors never quote the key. */
    static Parsed parse(String privateKeyPem, String certificatePem) {
        if (privateKeyPem == null || privateKeyPem.isBlank()) {
            return refused("privateKeyPem", UserErrorCode.REQUIRED, "Paste the private key (PEM).");
        }
        if (certificatePem == null || certificatePem.isBlank()) {
            return refused("certificatePem", UserErrorCode.REQUIRED, "Paste the certificate (PEM).");
        }
        if (privateKeyPem.length() > MAX_PEM_LENGTH || certificatePem.length() > MAX_PEM_LENGTH) {
            return refused(
                    privateKeyPem.length() > MAX_PEM_LENGTH ? "privateKeyPem" : "certificatePem",
                    UserErrorCode.TOO_LONG,
                    "A PEM key or certificate is at most " + MAX_PEM_LENGTH + " characters long.");
        }
        PrivateKey key = readKey(privateKeyPem);
        if (key == null) {
            return refused(
                    "privateKeyPem",
                    UserErrorCode.INVALID_FORMAT,
                    "This is not an unencrypted RSA private key in PEM (-----BEGIN PRIVATE KEY----- or "
                            + "-----BEGIN RSA PRIVATE KEY-----).");
        }
        X509Certificate certificate = readCertificate(certificatePem);
        if (certificate == null || !(certificate.getPublicKey() instanceof RSAPublicKey)) {
            return refused(
                    "certificatePem",
                    UserErrorCode.INVALID_FORMAT,
                    "This is not an RSA X.509 certificate in PEM (-----BEGIN CERTIFICATE-----).");
        }
        if (!matches(key, certificate)) {
            return refused(
                    "privateKeyPem",
                    UserErrorCode.KEY_DOES_NOT_MATCH_CERTIFICATE,
                    "The private key does not belong to this certificate: upload the key the certificate was made "
                            + "for.");
        }
        Date now = new Date();
        if (now.after(certificate.getNotAfter()) || now.before(certificate.getNotBefore())) {
            return refused(
                    "certificatePem",
                    UserErrorCode.CERTIFICATE_EXPIRED,
                    "The certificate is valid from "
                            + certificate.getNotBefore().toInstant() + " to "
                            + certificate.getNotAfter().toInstant() + ", not now: upload a current one.");
        }
        return new Parsed(new ClientCertificate(certificate, key), List.of());
    }

    /** The key as unencrypted PKCS#8 PEM, only ever to be encrypted for storage. */
    static String keyPem(PrivateKey key) {
        return write(key);
    }

    /** Reads back what was stored; throws when it no longer parses (a bug, not user input). */
    static ClientCertificate stored(String privateKeyPem, String certificatePem) {
        PrivateKey key = readKey(privateKeyPem);
        X509Certificate certificate = readCertificate(certificatePem);
        if (key == null || certificate == null) {
            throw new IllegalStateException("The stored certificate credential cannot be read");
        }
        return new ClientCertificate(certificate, key);
    }

    static X509Certificate readCertificate(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject() instanceof X509CertificateHolder holder
                    ? new JcaX509CertificateConverter().getCertificate(holder)
                    : null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static PrivateKey readKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key;
            if (object instanceof PEMKeyPair pair) {
                key = converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (object instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else {
                return null;
            }
            return "RSA".equals(key.getAlgorithm()) ? key : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        try {
            byte[] probe = new byte[32];
            RANDOM.nextBytes(probe);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write PEM", e);
        }
        return out.toString();
    }

    private static Parsed refused(String field, UserErrorCode code, String message) {
        return new Parsed(null, List.of(new UserError(field, code, message)));
    }
}
