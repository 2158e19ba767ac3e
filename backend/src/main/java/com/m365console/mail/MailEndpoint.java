package com.m365console.mail;

import java.util.Objects;

/** One mail server to talk to, so callers and error messages name exactly where a connection went. */
public record MailEndpoint(String host, int port, MailSecurity security) {

    public MailEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("mail server host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mail server port must be between 1 and 65535: " + port);
        }
        host = host.trim();
        Objects.requireNonNull(security, "security");
    }

    public String hostAndPort() {
        return host + ":" + port;
    }
}
