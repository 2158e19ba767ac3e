package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Servers that echo what the client sent, stay silent or offer no AUTH: played by a scripted socket. */
class MailServerRepliesTest {

    private static final String ADDRESS = "alice@contoso.test";

    private final MailServerClient client = new MailServerClient(MailServerProperties.defaults());
    private final String token = "eyJ0eXAiOiJKV1QifQ.canary-"
            + UUID.randomUUID().toString().replace("-", "") + "." + "c2lnbmF0dXJl".repeat(5);
    private final String xoauth2 = "user=" + ADDRESS + "\u0001auth=Bearer " + token + "\u0001\u0001";
    private final String encoded = Base64.getEncoder().encodeToString(xoauth2.getBytes(StandardCharsets.UTF_8));

    @Test
    void smtpReplyEchoingTheXoauth2StringIsScrubbed() throws Exception {
        try (ScriptedServer server = new ScriptedServer("220 echo ESMTP", line -> {
                    if (line.startsWith("EHLO")) {
                        return "250-echo\r\n250 AUTH XOAUTH2";
                    }
                    if (line.startsWith("AUTH")) {
                        return "535 5.7.3 Authentication unsuccessful, you sent " + line + " for " + token;
                    }
                    return line.startsWith("QUIT") ? null : "250 OK";
                });
                CapturedOutput output = new CapturedOutput()) {
            assertThatThrownBy(() ->
                            client.checkSmtp(server.endpoint(), ADDRESS, token).block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.TOKEN_REFUSED);
                        assertThat(e.getMessage())
                                .startsWith(MailFailureTranslator.TOKEN_REFUSED)
                                .contains("535 5.7.3 Authentication unsuccessful, you sent AUTH XOAUTH2 [redacted]")
                                .doesNotContain(token)
                                .doesNotContain(encoded)
                                .doesNotContain("canary-");
                    });
            assertThat(output.text()).doesNotContain("canary-").doesNotContain(encoded);
        }
    }

    @Test
    void imapReplyEchoingTheDecodedXoauth2StringIsScrubbed() throws Exception {
        String greeting = "* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR] echo";
        try (ScriptedServer server = new ScriptedServer(greeting, line -> {
                    String tag = line.substring(0, line.indexOf(' '));
                    if (line.contains("AUTHENTICATE")) {
                        String sent = line.substring(line.lastIndexOf(' ') + 1);
                        String decoded = new String(Base64.getDecoder().decode(sent), StandardCharsets.UTF_8);
                        return tag + " NO AUTHENTICATE failed: " + decoded + " / " + sent;
                    }
                    if (line.contains("CAPABILITY")) {
                        return "* CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR\r\n" + tag + " OK done";
                    }
                    return line.contains("LOGOUT") ? "* BYE\r\n" + tag + " OK bye" : tag + " BAD unexpected";
                });
                CapturedOutput output = new CapturedOutput()) {
            assertThatThrownBy(() ->
                            client.checkImap(server.endpoint(), ADDRESS, token).block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.TOKEN_REFUSED);
                        assertThat(e.getMessage())
                                .contains("AUTHENTICATE failed: [redacted] / [redacted]")
                                .doesNotContain("canary-")
                                .doesNotContain(encoded)
                                .doesNotContain("Bearer");
                    });
            assertThat(output.text()).doesNotContain("canary-").doesNotContain(encoded);
        }
    }

    @Test
    void smtpServerWithoutAuthDoesNotPassTheCheck() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                "220 open relay",
                line -> line.startsWith("QUIT") ? null : line.startsWith("EHLO") ? "250 relay" : "250 OK")) {
            assertThatThrownBy(() ->
                            client.checkSmtp(server.endpoint(), ADDRESS, token).block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.AUTHENTICATION_REFUSED);
                        assertThat(e.getMessage())
                                .contains(server.endpoint().hostAndPort())
                                .contains("AUTH");
                    });
        }
    }

    @Test
    void imapServerWithoutXoauth2NeverSeesTheToken() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = ScriptedServer.imapWithoutXoauth2(received)) {
            assertThatThrownBy(() ->
                            client.checkImap(server.endpoint(), ADDRESS, token).block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.AUTHENTICATION_REFUSED);
                        assertThat(e.getMessage())
                                .isEqualTo(
                                        "The IMAP server " + server.endpoint().hostAndPort()
                                                + " does not offer XOAUTH2 login; check the mail server host and port.");
                    });
        }
        assertThat(received).isNotEmpty().noneMatch(line -> line.contains(token) || line.contains("LOGIN"));
    }

    @Test
    void smtpServerWithoutXoauth2NeverSeesTheToken() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer("220 plain ESMTP", line -> {
            received.add(line);
            if (line.startsWith("EHLO")) {
                return "250-plain\r\n250 AUTH PLAIN LOGIN";
            }
            return line.startsWith("QUIT") ? null : "250 OK";
        })) {
            assertThatThrownBy(() ->
                            client.checkSmtp(server.endpoint(), ADDRESS, token).block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.AUTHENTICATION_REFUSED);
                        assertThat(e.getMessage()).contains("does not offer XOAUTH2 login");
                    });
        }
        assertThat(received).isNotEmpty().noneMatch(line -> line.contains(token) || line.startsWith("AUTH"));
    }

    @Test
    void silentServerIsATimeout() throws Exception {
        MailServerClient impatient = new MailServerClient(
                new MailServerProperties(null, null, Duration.ofSeconds(2), Duration.ofMillis(300), false));
        try (ScriptedServer server = new ScriptedServer(null, line -> null)) {
            assertThatThrownBy(() -> impatient
                            .checkImap(server.endpoint(), ADDRESS, token)
                            .block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.TIMEOUT);
                        assertThat(e.getMessage())
                                .contains("IMAP server " + server.endpoint().hostAndPort());
                    });
        }
    }
}
