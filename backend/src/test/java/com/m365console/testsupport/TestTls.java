package com.m365console.testsupport;

import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The tests' own TLS certificate (self-signed, for localhost and 127.0.0.1, in {@code tls/localhost.p12}): the
 * server side for {@link TlsFront}, and a client side that trusts exactly it, for peers that call the console's
 * public HTTPS URL (Graph's change notifications).
 */
public final class TestTls {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {}

    public static SSLContext server() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the tests' TLS key", e);
        }
    }

    public static SSLContext trustingClient() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the tests' TLS certificate", e);
        }
    }

    private static KeyStore keyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/localhost.p12")) {
            if (in == null) {
                throw new IllegalStateException("tls/localhost.p12 is not on the test classpath");
            }
            store.load(in, PASSWORD);
        }
        return store;
    }
}
