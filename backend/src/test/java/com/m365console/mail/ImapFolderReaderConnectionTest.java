package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in, refusals, lost connections and the number of round trips per batch. */
class ImapFolderReaderConnectionTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final String ALICE = "alice@contoso.test";

    private final MailServerClient client = new MailServerClient(MailServerProperties.defaults());
    private final String token = "eyJ0eXAiOiJKV1QifQ.canary-" + UUID.randomUUID() + ".c2lnbmF0dXJl";
    private GreenMailUser alice;
    private MailFolder inbox;

    @BeforeEach
    void mailbox() throws Exception {
        alice = greenMail.setUser(ALICE, token);
        inbox = greenMail.getManagers().getImapHostManager().getInbox(alice);
    }

    @Test
    void aStaleTokenIsRefusedWithoutPrintingIt() {
        alice.setPassword("a-newer-token");
        String xoauth2 = "user=" + ALICE + "\u0001auth=Bearer " + token + "\u0001\u0001";
        String encoded = Base64.getEncoder().encodeToString(xoauth2.getBytes(StandardCharsets.UTF_8));

        try (CapturedOutput output = new CapturedOutput()) {
            assertThatThrownBy(() -> client.openFolderReader(imap(), ALICE, token, "INBOX"))
                    .isInstanceOfSatisfying(MailServerException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MailFailure.TOKEN_REFUSED);
                        assertThat(e.getMessage())
                                .startsWith(MailFailureTranslator.TOKEN_REFUSED)
                                .doesNotContain(token)
                                .doesNotContain(encoded);
                        assertThat(e.getCause()).isNull();
                    });
            assertThat(output.text()).doesNotContain("canary-").doesNotContain(encoded);
        }
    }

    @Test
    void nothingListeningIsAConnectionFailure() throws Exception {
        MailEndpoint nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = new MailEndpoint("127.0.0.1", socket.getLocalPort(), MailSecurity.NONE);
        }
        MailEndpoint closed = nowhere;

        assertThatThrownBy(() -> client.openFolderReader(closed, ALICE, token, "INBOX"))
                .isInstanceOfSatisfying(MailServerException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED);
                    assertThat(e.getMessage()).contains("IMAP server " + closed.hostAndPort());
                });
    }

    @Test
    void aMissingFolderSaysSo() {
        assertThatThrownBy(() -> client.openFolderReader(imap(), ALICE, token, "Gone"))
                .isInstanceOfSatisfying(
                        MailFolderNotFoundException.class,
                        e -> assertThat(e.getMessage()).contains("\"Gone\"").contains(imap().hostAndPort()));
    }

    @Test
    void aServerWithoutXoauth2NeverSeesTheToken() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = ScriptedServer.imapWithoutXoauth2(received)) {
            assertThatThrownBy(() -> client.openFolderReader(server.endpoint(), ALICE, token, "INBOX"))
                    .isInstanceOfSatisfying(
                            MailServerException.class,
                            e -> assertThat(e.failure()).isEqualTo(MailFailure.AUTHENTICATION_REFUSED));
        }
        assertThat(received).isNotEmpty().noneMatch(line -> line.contains(token) || line.contains("LOGIN"));
    }

    @Test
    void aCondstoreServerIsExaminedWithCondstoreAndGivesItsHighestModSeq() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        String capabilities = "* CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR ENABLE CONDSTORE";
        try (ScriptedServer server = new ScriptedServer("* OK ready", line -> {
                    received.add(line.contains("AUTHENTICATE") ? "AUTHENTICATE" : line);
                    String tag = line.substring(0, line.indexOf(' '));
                    if (line.contains("CAPABILITY")) {
                        return capabilities + "\r\n" + tag + " OK done";
                    }
                    if (line.contains("EXAMINE")) {
                        return "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 42] ok\r\n"
                                + "* OK [HIGHESTMODSEQ 90210] ok\r\n" + tag + " OK [READ-ONLY] examined";
                    }
                    return line.contains("LOGOUT") ? "* BYE\r\n" + tag + " OK bye" : tag + " OK done";
                });
                ImapFolderReader reader = client.openFolderReader(server.endpoint(), ALICE, token, "INBOX")) {
            assertThat(reader.status()).isEqualTo(new FolderStatus(7, 42, 3, 90210L));
        }
        assertThat(received)
                .anyMatch(line -> line.endsWith("EXAMINE INBOX (CONDSTORE)"))
                .noneMatch(line -> line.contains("SELECT"));
    }

    @Test
    void aBatchOfFiftyTakesOneSearchOneFetchForStructuresAndOneForAllElse() throws Exception {
        for (int i = 1; i <= 50; i++) {
            append("m" + i);
        }

        try (ImapProxy proxy = new ImapProxy(imap());
                ImapFolderReader reader = client.openFolderReader(proxy.endpoint(), ALICE, token, "INBOX")) {
            assertThat(reader.fetchAfter(0, 50))
                    .hasSize(50)
                    .allSatisfy(message -> assertThat(message.textBody()).startsWith("Body of m"));

            assertThat(proxy.commandsContaining("SEARCH"))
                    .singleElement()
                    .asString()
                    .endsWith("UID SEARCH UID 1:*");
            List<String> fetches = proxy.commandsContaining("FETCH");
            assertThat(fetches)
                    .as("structures, then envelopes, headers and bodies")
                    .hasSize(2);
            assertThat(fetches.get(0)).endsWith("UID FETCH 1:50 (UID RFC822.SIZE BODYSTRUCTURE)");
            assertThat(fetches.get(1))
                    .endsWith("UID FETCH 1:50 (UID FLAGS ENVELOPE INTERNALDATE RFC822.SIZE"
                            + " BODY.PEEK[HEADER.FIELDS (Message-ID In-Reply-To)] BODY.PEEK[TEXT]<0.262145>)");
            assertThat(proxy.commands()).noneMatch(line -> line.contains(token));
        }
    }

    @Test
    void aConnectionLostMidBatchIsAConnectionFailure() throws Exception {
        append("first");
        append("second");

        try (ImapProxy proxy = new ImapProxy(imap());
                ImapFolderReader reader = client.openFolderReader(proxy.endpoint(), ALICE, token, "INBOX")) {
            proxy.hangUpOn(line -> line.contains("BODY.PEEK[TEXT]"));

            assertThatThrownBy(() -> reader.fetchAfter(0, 10)).isInstanceOfSatisfying(MailServerException.class, e -> {
                assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED);
                assertThat(e.getMessage()).contains("IMAP server").doesNotContain(token);
            });
            assertThatThrownBy(() -> reader.flags(1, 10))
                    .isInstanceOfSatisfying(
                            MailServerException.class,
                            e -> assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED));
        }
    }

    @Test
    void aConnectionLostWhileReadingFlagsIsNeverAnEmptyAnswer() throws Exception {
        append("only");

        try (ImapProxy proxy = new ImapProxy(imap());
                ImapFolderReader reader = client.openFolderReader(proxy.endpoint(), ALICE, token, "INBOX")) {
            proxy.hangUpOn(line -> line.contains("(UID FLAGS)"));

            assertThatThrownBy(() -> reader.flags(1, 10))
                    .isInstanceOfSatisfying(
                            MailServerException.class,
                            e -> assertThat(e.failure()).isEqualTo(MailFailure.CONNECTION_FAILED));
        }
    }

    private void append(String id) throws Exception {
        inbox.appendMessage(
                SeedMessages.plain(id, "Subject " + id, "Body of " + id),
                new Flags(),
                Date.from(Instant.parse("2024-03-02T10:00:00Z")));
    }

    private static MailEndpoint imap() {
        return ImapFolderReaderTest.imap(greenMail);
    }
}
