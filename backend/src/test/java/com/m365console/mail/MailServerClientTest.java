package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailServerClientTest {

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final String ALICE = "alice@contoso.test";

    private final MailServerClient client = new MailServerClient(MailServerProperties.defaults());
    private final String token = "eyJ0eXAiOiJKV1QifQ.canary-" + UUID.randomUUID() + ".c2lnbmF0dXJl";
    private GreenMailUser alice;

    @BeforeEach
    void mailbox() throws Exception {
        alice = greenMail.setUser(ALICE, token);
        greenMail.getManagers().getImapHostManager().createMailbox(alice, "Projects");
        greenMail.getManagers().getImapHostManager().createMailbox(alice, "Archive");
    }

    @Test
    void imapCheckListsFoldersWithInboxFirst() {
        List<MailFolder> folders = client.checkImap(imap(), ALICE, token).block();

        assertThat(folders).extracting(MailFolder::fullName).containsExactly("INBOX", "Archive", "Projects");
        assertThat(folders)
                .allSatisfy(folder -> assertThat(folder.holdsMessages()).isTrue());
        assertThat(folders.get(0)).isEqualTo(new MailFolder("INBOX", "INBOX", 0, true));
    }

    @Test
    void blockingWorkRunsOffTheCallersThread() {
        String thread = client.checkImap(imap(), ALICE, token)
                .map(folders -> Thread.currentThread().getName())
                .block();

        assertThat(thread).startsWith("boundedElastic-");
    }

    @Test
    void smtpCheckPasses() {
        client.checkSmtp(smtp(), ALICE, token).block();
    }

    @Test
    void staleTokenIsRefusedWithoutPrintingIt() {
        alice.setPassword("a-newer-token");
        String xoauth2 = "user=" + ALICE + "\u0001auth=Bearer " + token + "\u0001\u0001";
        String encoded = Base64.getEncoder().encodeToString(xoauth2.getBytes(StandardCharsets.UTF_8));

        try (CapturedOutput output = new CapturedOutput()) {
            assertThatThrownBy(() -> client.checkImap(imap(), ALICE, token).block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.TOKEN_REFUSED);
                        assertThat(e.getMessage())
                                .startsWith(MailFailureTranslator.TOKEN_REFUSED)
                                .contains("IMAP server " + imap().hostAndPort())
                                .doesNotContain(token)
                                .doesNotContain(encoded);
                        assertThat(e.getCause()).isNull();
                    });
            assertThatThrownBy(() -> client.checkSmtp(smtp(), ALICE, token).block())
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.TOKEN_REFUSED);
                        assertThat(e.getMessage())
                                .startsWith(MailFailureTranslator.TOKEN_REFUSED)
                                .contains("535")
                                .doesNotContain(token)
                                .doesNotContain(encoded);
                    });
            assertThatThrownBy(() -> client.send(smtp(), ALICE, token, textTo("bob@fabrikam.test"))
                            .block())
                    .isInstanceOfSatisfying(
                            MailServerException.class,
                            e -> assertThat(e.failure()).isEqualTo(MailFailure.TOKEN_REFUSED));
            assertThat(output.text())
                    .doesNotContain(token)
                    .doesNotContain(encoded)
                    .doesNotContain("canary-");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void sentMessageArrivesAndIsReadableOverImap() throws Exception {
        greenMail.setUser("bob@fabrikam.test", "bob-password");
        greenMail.setUser("carol@fabrikam.test", "carol-password");
        greenMail.setUser("dave@fabrikam.test", "dave-password");
        OutgoingMessage message = new OutgoingMessage(
                "Alice Example",
                List.of("bob@fabrikam.test"),
                List.of("carol@fabrikam.test"),
                List.of("dave@fabrikam.test"),
                "Quarterly numbers",
                "Plain numbers",
                "<p>Rich <b>numbers</b></p>");

        SentMessage sent = client.send(smtp(), ALICE, token, message).block();

        assertThat(sent.recipients()).containsExactly("bob@fabrikam.test", "carol@fabrikam.test", "dave@fabrikam.test");
        assertThat(sent.messageId()).startsWith("<").endsWith("@contoso.test>");
        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        for (String reader : List.of("bob", "dave")) {
            try (Store store = imapSession().getStore("imap")) {
                store.connect(imap().host(), imap().port(), reader + "@fabrikam.test", reader + "-password");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message received = inbox.getMessage(1);
                assertThat(received.getSubject()).isEqualTo("Quarterly numbers");
                assertThat(received.getFrom()).containsExactly(new InternetAddress(ALICE, "Alice Example"));
                assertThat(received.getHeader("Message-ID")).containsExactly(sent.messageId());
                assertThat(received.getRecipients(Message.RecipientType.CC))
                        .containsExactly(new InternetAddress("carol@fabrikam.test"));
                assertThat(received.getHeader("Bcc")).isNull();
                assertThat(received.getSentDate().toInstant())
                        .isEqualTo(sent.sentAt().toInstant());
                assertThat(received.isMimeType("multipart/alternative")).isTrue();
                MimeMultipart parts = (MimeMultipart) received.getContent();
                assertThat(parts.getCount()).isEqualTo(2);
                assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
                assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Plain numbers");
                assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
                assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Rich <b>numbers</b></p>");
                inbox.close();
            }
        }
    }

    @Test
    void textOnlyMessageIsASinglePart() throws Exception {
        client.send(smtp(), ALICE, token, textTo("bob@fabrikam.test")).block();

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        Message received = greenMail.getReceivedMessages()[0];
        assertThat(received.isMimeType("text/plain")).isTrue();
        assertThat(received.getContent()).isEqualTo("Hello");
    }

    @Test
    void invalidAddressesAreRefusedBeforeConnecting() throws Exception {
        MailEndpoint nowhere = new MailEndpoint("127.0.0.1", freePort(), MailSecurity.NONE);
        OutgoingMessage message = new OutgoingMessage(
                null, List.of("bob@fabrikam.test"), List.of("not an address"), List.of(), "Hi", "Hello", null);

        assertThatThrownBy(() -> client.send(nowhere, ALICE, token, message).block())
                .isInstanceOfSatisfying(MailServerException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MailFailure.INVALID_ADDRESS);
                    assertThat(e.getMessage()).contains("\"not an address\"");
                });
        assertThatThrownBy(
                        () -> client.send(nowhere, ALICE, token, textTo("bob@")).block())
                .isInstanceOfSatisfying(
                        MailServerException.class,
                        e -> assertThat(e.getMessage()).contains("\"bob@\""));
        assertThatThrownBy(() -> client.send(
                                nowhere,
                                ALICE,
                                token,
                                new OutgoingMessage(null, List.of(), null, null, "Hi", "Hello", null))
                        .block())
                .isInstanceOfSatisfying(
                        MailServerException.class, e -> assertThat(e.failure()).isEqualTo(MailFailure.INVALID_ADDRESS));
        assertThatThrownBy(() -> client.checkImap(nowhere, "alice", token).block())
                .isInstanceOfSatisfying(
                        MailServerException.class, e -> assertThat(e.failure()).isEqualTo(MailFailure.INVALID_ADDRESS));
    }

    @Test
    void nothingListeningIsAConnectionFailureNamingHostAndPort() throws Exception {
        MailEndpoint nowhere = new MailEndpoint("127.0.0.1", freePort(), MailSecurity.NONE);

        assertThatThrownBy(() -> client.checkImap(nowhere, ALICE, token).block())
                .isInstanceOfSatisfying(MailServerException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED);
                    assertThat(e.getMessage()).contains("IMAP server " + nowhere.hostAndPort());
                });
        assertThatThrownBy(() -> client.send(nowhere, ALICE, token, textTo("bob@fabrikam.test"))
                        .block())
                .isInstanceOfSatisfying(MailServerException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED);
                    assertThat(e.getMessage()).contains("SMTP server " + nowhere.hostAndPort());
                });
    }

    @Test
    void startTlsIsRequiredWhenAsked() {
        MailEndpoint withoutStartTls = new MailEndpoint(smtp().host(), smtp().port(), MailSecurity.STARTTLS);

        assertThatThrownBy(() -> client.checkSmtp(withoutStartTls, ALICE, token).block())
                .isInstanceOfSatisfying(MailServerException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED);
                    assertThat(e.getMessage())
                            .contains(withoutStartTls.hostAndPort())
                            .contains("STARTTLS");
                });
    }

    private static OutgoingMessage textTo(String to) {
        return new OutgoingMessage(null, List.of(to), List.of(), List.of(), "Hi", "Hello", null);
    }

    private static MailEndpoint imap() {
        return new MailEndpoint(
                greenMail.getImap().getBindTo(), greenMail.getImap().getPort(), MailSecurity.NONE);
    }

    private static MailEndpoint smtp() {
        return new MailEndpoint(
                greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort(), MailSecurity.NONE);
    }

    private static Session imapSession() {
        return Session.getInstance(new Properties());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
