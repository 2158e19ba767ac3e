package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XOAUTH2 over implicit TLS against GreenMail's self-signed IMAPS and SMTPS. */
class MailServerTlsTest {

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTPS_IMAPS));

    private static final String ALICE = "alice@contoso.test";
    private static final String TOKEN = "tls-access-token";

    @BeforeEach
    void mailbox() {
        greenMail.setUser(ALICE, TOKEN);
    }

    @Test
    void loginWorksWhenTheDeploymentTrustsAllCertificates() {
        MailServerClient trusting = new MailServerClient(new MailServerProperties(null, null, null, null, true));

        assertThat(trusting.checkImap(ssl(greenMail.getImaps()), ALICE, TOKEN).block())
                .extracting(MailFolder::fullName)
                .containsExactly("INBOX");
        trusting.checkSmtp(ssl(greenMail.getSmtps()), ALICE, TOKEN).block();
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        MailServerClient client = new MailServerClient(MailServerProperties.defaults());

        assertThatThrownBy(() -> client.checkImap(ssl(greenMail.getImaps()), ALICE, TOKEN)
                        .block())
                .isInstanceOfSatisfying(MailServerException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED);
                    assertThat(e.getMessage()).startsWith("TLS with the IMAP server");
                });
    }

    private static MailEndpoint ssl(AbstractServer server) {
        return new MailEndpoint(server.getBindTo(), server.getPort(), MailSecurity.SSL);
    }
}
