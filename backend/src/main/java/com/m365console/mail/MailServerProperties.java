package com.m365console.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment overrides of the Microsoft 365 mail servers (tests and unusual tenants point them elsewhere);
 * an unset value keeps the default of the tenant's cloud.
 */
@ConfigurationProperties("m365.mail")
public record MailServerProperties(
        Server imap, Server smtp, Duration connectTimeout, Duration readTimeout, boolean trustAllCertificates) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public MailServerProperties {
        imap = imap == null ? Server.UNSET : imap;
        smtp = smtp == null ? Server.UNSET : smtp;
        connectTimeout = positiveOrDefault(connectTimeout);
        readTimeout = positiveOrDefault(readTimeout);
    }

    /** Settings with nothing overridden. */
    public static MailServerProperties defaults() {
        return new MailServerProperties(null, null, null, null, false);
    }

    private static Duration positiveOrDefault(Duration value) {
        return value == null || value.isZero() || value.isNegative() ? DEFAULT_TIMEOUT : value;
    }

    /** Host, port and security of one server; each may be left unset. */
    public record Server(String host, Integer port, MailSecurity security) {

        static final Server UNSET = new Server(null, null, null);

        public Server {
            host = host == null || host.isBlank() ? null : host.trim();
        }
    }
}
