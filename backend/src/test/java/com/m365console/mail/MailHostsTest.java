package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.microsoft.Cloud;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MailHostsTest {

    private final MailHosts defaults = new MailHosts(MailServerProperties.defaults());

    @Test
    void microsoftServersPerCloud() {
        assertThat(defaults.imap(Cloud.GLOBAL))
                .isEqualTo(new MailEndpoint("outlook.office365.com", 993, MailSecurity.SSL));
        assertThat(defaults.smtp(Cloud.GLOBAL))
                .isEqualTo(new MailEndpoint("smtp.office365.com", 587, MailSecurity.STARTTLS));
        assertThat(defaults.imap(Cloud.US_GOVERNMENT))
                .isEqualTo(new MailEndpoint("outlook.office365.us", 993, MailSecurity.SSL));
        assertThat(defaults.smtp(Cloud.US_GOVERNMENT))
                .isEqualTo(new MailEndpoint("smtp.office365.us", 587, MailSecurity.STARTTLS));
        assertThat(defaults.imap(Cloud.CHINA)).isEqualTo(new MailEndpoint("partner.outlook.cn", 993, MailSecurity.SSL));
        assertThat(defaults.smtp(Cloud.CHINA))
                .isEqualTo(new MailEndpoint("smtp.partner.outlook.cn", 587, MailSecurity.STARTTLS));
    }

    @Test
    void configuredValuesOverrideEveryCloud() {
        MailHosts hosts = new MailHosts(new MailServerProperties(
                new MailServerProperties.Server(" imap.test ", 3143, MailSecurity.NONE),
                new MailServerProperties.Server("smtp.test", 3025, MailSecurity.NONE),
                null,
                null,
                false));

        for (Cloud cloud : Cloud.values()) {
            assertThat(hosts.imap(cloud)).isEqualTo(new MailEndpoint("imap.test", 3143, MailSecurity.NONE));
            assertThat(hosts.smtp(cloud)).isEqualTo(new MailEndpoint("smtp.test", 3025, MailSecurity.NONE));
        }
    }

    @Test
    void unsetValuesKeepTheCloudDefault() {
        MailHosts hosts = new MailHosts(new MailServerProperties(
                new MailServerProperties.Server("", 1993, null),
                new MailServerProperties.Server("relay.test", null, null),
                null,
                null,
                false));

        assertThat(hosts.imap(Cloud.CHINA)).isEqualTo(new MailEndpoint("partner.outlook.cn", 1993, MailSecurity.SSL));
        assertThat(hosts.smtp(Cloud.US_GOVERNMENT))
                .isEqualTo(new MailEndpoint("relay.test", 587, MailSecurity.STARTTLS));
    }

    @Test
    void bindsFromSpringProperties() {
        MailServerProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
                        "m365.mail.imap.host",
                        "127.0.0.1",
                        "m365.mail.imap.port",
                        "3143",
                        "m365.mail.imap.security",
                        "none",
                        "m365.mail.smtp.security",
                        "SSL",
                        "m365.mail.connect-timeout",
                        "5s",
                        "m365.mail.trust-all-certificates",
                        "true")))
                .bind("m365.mail", MailServerProperties.class)
                .get();

        assertThat(bound.imap()).isEqualTo(new MailServerProperties.Server("127.0.0.1", 3143, MailSecurity.NONE));
        assertThat(bound.smtp()).isEqualTo(new MailServerProperties.Server(null, null, MailSecurity.SSL));
        assertThat(bound.connectTimeout()).hasSeconds(5);
        assertThat(bound.readTimeout()).hasSeconds(20);
        assertThat(bound.trustAllCertificates()).isTrue();
    }

    @Test
    void timeoutsDefaultToTwentySeconds() {
        assertThat(MailServerProperties.defaults().connectTimeout()).hasSeconds(20);
        assertThat(MailServerProperties.defaults().readTimeout()).hasSeconds(20);
    }
}
