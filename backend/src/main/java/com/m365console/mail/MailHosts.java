package com.m365console.mail;

import com.m365console.microsoft.Cloud;
import org.springframework.stereotype.Component;

/** Chooses the IMAP and SMTP servers of a mailbox: Microsoft's for its cloud unless the deployment overrides them. */
@Component
public class MailHosts {

    private final MailServerProperties properties;

    public MailHosts(MailServerProperties properties) {
        this.properties = properties;
    }

    public MailEndpoint imap(Cloud cloud) {
        String host = switch (cloud) {
            case GLOBAL -> "outlook.office365.com";
            case US_GOVERNMENT -> "outlook.office365.us";
            case CHINA -> "partner.outlook.cn";
        };
        return override(new MailEndpoint(host, 993, MailSecurity.SSL), properties.imap());
    }

    public MailEndpoint smtp(Cloud cloud) {
        String host = switch (cloud) {
            case GLOBAL -> "smtp.office365.com";
            case US_GOVERNMENT -> "smtp.office365.us";
            case CHINA -> "smtp.partner.outlook.cn";
        };
        return override(new MailEndpoint(host, 587, MailSecurity.STARTTLS), properties.smtp());
    }

    private static MailEndpoint override(MailEndpoint defaults, MailServerProperties.Server configured) {
        return new MailEndpoint(
                configured.host() != null ? configured.host() : defaults.host(),
                configured.port() != null ? configured.port() : defaults.port(),
                configured.security() != null ? configured.security() : defaults.security());
    }
}
