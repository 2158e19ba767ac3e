package com.m365console.mail;

import jakarta.mail.Session;
import java.util.Properties;

/** Builds the Jakarta Mail sessions for XOAUTH2 logins, so every connection gets the same timeouts, TLS and silence. */
final class MailSessions {

    /** The system property Jakarta Mail's FactoryFinder reads before it falls back to a ServiceLoader scan. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail finds its StreamProvider anew for every body part, header block and encoded word, each time
        // with a ServiceLoader scan unless the property names it (jakartaee/mail-api issues 699 and 861); inside the
        // Spring Boot jar that scan took most of a sync's CPU. Naming Angus' provider makes each lookup a class load.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final MailServerProperties properties;

    MailSessions(MailServerProperties properties) {
        this.properties = properties;
    }

    Session imap(MailEndpoint endpoint) {
        return session(properties("imap", endpoint));
    }

    /** For a connection that waits in IDLE through {@code idle}: the selector, not a blocked read, waits. */
    Session idlingImap(MailEndpoint endpoint, SharedIdle idle) {
        Properties props = properties("imap", endpoint);
        idle.configure(props);
        return session(props);
    }

    /** The address becomes {@code mail.from}, which also gives generated Message-IDs the mailbox's domain. */
    Session smtp(MailEndpoint endpoint, String address) {
        Properties props = properties("smtp", endpoint);
        props.setProperty("mail.smtp.auth", "true");
        props.setProperty("mail.from", address);
        return session(props);
    }

    private Properties properties(String protocol, MailEndpoint endpoint) {
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.debug", "false");
        props.setProperty("mail.debug.auth", "false");
        props.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
        props.setProperty(
                prefix + "connectiontimeout",
                String.valueOf(properties.connectTimeout().toMillis()));
        props.setProperty(
                prefix + "timeout", String.valueOf(properties.readTimeout().toMillis()));
        boolean ssl = endpoint.security() == MailSecurity.SSL;
        boolean startTls = endpoint.security() == MailSecurity.STARTTLS;
        props.setProperty(prefix + "ssl.enable", String.valueOf(ssl));
        props.setProperty(prefix + "starttls.enable", String.valueOf(startTls));
        props.setProperty(prefix + "starttls.required", String.valueOf(startTls));
        if (ssl || startTls) {
            props.setProperty(prefix + "ssl.checkserveridentity", String.valueOf(!properties.trustAllCertificates()));
            if (properties.trustAllCertificates()) {
                props.setProperty(prefix + "ssl.trust", "*");
            }
        }
        return props;
    }

    private static Session session(Properties props) {
        Session session = Session.getInstance(props);
        session.setDebug(false);
        return session;
    }
}
