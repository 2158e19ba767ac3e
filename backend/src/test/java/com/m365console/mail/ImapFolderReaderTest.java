package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading a GreenMail folder for synchronisation: batches, content of each kind of message, flags. */
class ImapFolderReaderTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final String ALICE = "alice@contoso.test";

    private final MailServerClient client = new MailServerClient(MailServerProperties.defaults());
    private final String token = "eyJ0eXAiOiJKV1QifQ.canary-" + UUID.randomUUID() + ".c2lnbmF0dXJl";
    private MailFolder inbox;

    @BeforeEach
    void mailbox() throws Exception {
        GreenMailUser alice = greenMail.setUser(ALICE, token);
        inbox = greenMail.getManagers().getImapHostManager().getInbox(alice);
    }

    @Test
    void statusGivesUidValidityUidNextAndCount() throws Exception {
        SeedMessages.appendPlain(inbox, 5);

        try (ImapFolderReader reader = open()) {
            assertThat(reader.status())
                    .isEqualTo(new FolderStatus(inbox.getUidValidity(), inbox.getUIDNext(), 5, null));
        }
    }

    @Test
    void batchesReturnEveryMessageOnceInUidOrderThenNothing() throws Exception {
        List<Long> seeded = SeedMessages.appendPlain(inbox, 5);

        List<Long> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (ImapFolderReader reader = open()) {
            long lastUid = 0;
            for (List<FetchedMessage> batch = reader.fetchAfter(lastUid, 2);
                    !batch.isEmpty();
                    batch = reader.fetchAfter(lastUid, 2)) {
                sizes.add(batch.size());
                batch.forEach(message -> read.add(message.uid()));
                lastUid = batch.get(batch.size() - 1).uid();
            }
            assertThat(reader.fetchAfter(lastUid, 2)).isEmpty();
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(read).isSortedAccordingTo(Long::compare).containsExactlyElementsOf(seeded);
    }

    @Test
    void nothingAfterTheLastUidAlthoughTheServerAnswersStarWithTheLastMessage() throws Exception {
        List<Long> seeded = SeedMessages.appendPlain(inbox, 3);

        try (ImapFolderReader reader = open()) {
            assertThat(reader.fetchAfter(seeded.get(2), 10)).isEmpty();
            assertThat(reader.fetchAfter(seeded.get(2) + 100, 10)).isEmpty();
            assertThat(reader.fetchAfter(seeded.get(1), 10))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(seeded.get(2));
        }
    }

    @Test
    void anEarlierCheckpointReadsAgainAndNewMailIsPickedUp() throws Exception {
        List<Long> seeded = SeedMessages.appendPlain(inbox, 3);

        try (ImapFolderReader reader = open()) {
            assertThat(reader.fetchAfter(0, 10)).hasSize(3);
            assertThat(reader.fetchAfter(seeded.get(0), 10))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(seeded.get(1), seeded.get(2));
            long newer = append(SeedMessages.plain("newer", "Newer", "Arrived later"));
            assertThat(reader.fetchAfter(seeded.get(2), 10))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(newer);
        }
    }

    @Test
    void readsPlainAlternativeAndHtmlOnlyMessages() throws Exception {
        long plain = append(SeedMessages.plain("plain-1", "Plain", "Hello Alice"));
        long alternative = append(SeedMessages.alternative());
        long html = append(SeedMessages.htmlOnly());

        Map<Long, FetchedMessage> read = readAll();

        FetchedMessage first = read.get(plain);
        assertThat(first.messageId()).isEqualTo("<plain-1@fabrikam.test>");
        assertThat(first.inReplyTo()).isEqualTo("<earlier@contoso.test>");
        assertThat(first.subject()).isEqualTo("Plain");
        assertThat(first.from()).isEqualTo(new MailAddress("Bob Example", "bob@fabrikam.test"));
        assertThat(first.to())
                .containsExactly(
                        new MailAddress(null, "alice@contoso.test"), new MailAddress("Dave", "dave@contoso.test"));
        assertThat(first.cc()).containsExactly(new MailAddress(null, "carol@contoso.test"));
        assertThat(first.sentAt()).isEqualTo(OffsetDateTime.ofInstant(SeedMessages.SENT, ZoneOffset.UTC));
        assertThat(first.receivedAt()).isEqualTo(OffsetDateTime.ofInstant(SeedMessages.RECEIVED, ZoneOffset.UTC));
        assertThat(first.size()).isPositive();
        assertThat(first.flags()).isEmpty();
        assertThat(first.textBody()).isEqualTo("Hello Alice");
        assertThat(first.htmlBody()).isNull();
        assertThat(first.bodyTruncated()).isFalse();
        assertThat(first.attachments()).isEmpty();

        assertThat(read.get(alternative).textBody()).isEqualTo("Plain version");
        assertThat(read.get(alternative).htmlBody()).isEqualTo("<p>Rich version</p>");
        assertThat(read.get(html).textBody()).isNull();
        assertThat(read.get(html).htmlBody()).isEqualTo("<h1>Only HTML</h1>");
    }

    @Test
    void attachmentsAreListedButTheirContentIsNeverFetched() throws Exception {
        byte[] pdf = new byte[3000];
        new Random(7).nextBytes(pdf);
        long mixed = append(SeedMessages.mixed(pdf));

        try (ImapProxy proxy = new ImapProxy(imap());
                ImapFolderReader reader = client.openFolderReader(proxy.endpoint(), ALICE, token, "INBOX")) {
            FetchedMessage message = reader.fetchAfter(0, 10).get(0);

            assertThat(message.uid()).isEqualTo(mixed);
            assertThat(message.textBody()).isEqualTo("See the report");
            assertThat(message.htmlBody()).isEqualTo("<p>See the report</p>");
            assertThat(message.attachments()).hasSize(2);
            Attachment report = message.attachments().get(0);
            assertThat(report.fileName()).isEqualTo("report.pdf");
            assertThat(report.contentType()).isEqualTo("application/pdf");
            assertThat(report.size())
                    .as("estimated from the encoded size; GreenMail also counts the part's headers")
                    .isCloseTo(3000L, withinPercentage(5));
            assertThat(report.inline()).isFalse();
            assertThat(message.attachments().get(1))
                    .extracting(Attachment::fileName, Attachment::contentType, Attachment::inline)
                    .containsExactly("logo.png", "image/png", true);
            assertThat(proxy.commandsContaining("BODY"))
                    .noneMatch(line -> line.contains("BODY.PEEK[2]")
                            || line.contains("BODY.PEEK[3]")
                            || line.contains("BODY.PEEK[]")
                            || line.contains("BODY["));
            assertThat(proxy.commandsContaining("BODY.PEEK[1.1]")).hasSize(1);
        }
    }

    @Test
    void nonAsciiSubjectAndNameAndLatin1Body() throws Exception {
        append(SeedMessages.latin1());

        FetchedMessage message = readAll().values().iterator().next();

        assertThat(message.subject()).isEqualTo("Réunion über café ☕ 日本");
        assertThat(message.from()).isEqualTo(new MailAddress("José Müller", "jose@fabrikam.test"));
        assertThat(message.textBody()).isEqualTo(SeedMessages.LATIN1_TEXT);
    }

    @Test
    void aHugeBodyIsCutAtACharacterBoundary() throws Exception {
        long huge = append(SeedMessages.plain("huge", "Huge", "x" + "é".repeat(200_000)));
        long small = append(SeedMessages.plain("small", "Small", "é".repeat(10)));

        Map<Long, FetchedMessage> read = readAll();

        assertThat(read.get(huge).bodyTruncated()).isTrue();
        String text = read.get(huge).textBody();
        assertThat(text.length()).isEqualTo(131_072);
        assertThat(text.equals("x" + "é".repeat(131_071)))
                .as("x and 131071 é, the cut 2-byte é dropped")
                .isTrue();
        assertThat(read.get(small).bodyTruncated()).isFalse();
        assertThat(read.get(small).textBody()).isEqualTo("é".repeat(10));
    }

    @Test
    void aSmallerLimitCutsEveryTransferEncoding() throws Exception {
        append(SeedMessages.plain("seven-bit", "ASCII", "a".repeat(500)));
        append(SeedMessages.plain("quoted", "QP", "caf\u00e9 ".repeat(100) + "a".repeat(400)));
        append(SeedMessages.plain("base64", "Base64", "日本語".repeat(100)));

        List<FetchedMessage> read;
        try (ImapFolderReader reader = client.openFolderReader(imap(), ALICE, token, "INBOX", 100)) {
            read = reader.fetchAfter(0, 10);
        }

        assertThat(read).hasSize(3).allSatisfy(message -> {
            assertThat(message.bodyTruncated()).isTrue();
            assertThat(message.textBody()).isNotEmpty().doesNotContain("\uFFFD");
            assertThat(message.textBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isBetween(90, 100);
        });
    }

    @Test
    void flagsMapEveryPresentUidSoExpungedOnesAreAbsent() throws Exception {
        List<Long> seeded = SeedMessages.appendPlain(inbox, 3);

        try (ImapFolderReader reader = open()) {
            assertThat(reader.fetchAfter(0, 10)).hasSize(3);
            inbox.setFlags(flags(Flags.Flag.SEEN, Flags.Flag.FLAGGED), true, seeded.get(0), null, false);
            inbox.setFlags(flags(Flags.Flag.DELETED), true, seeded.get(1), null, false);
            inbox.expunge();

            Map<Long, Set<MessageFlag>> flags = reader.flags(seeded.get(0), seeded.get(2));

            assertThat(flags).containsOnlyKeys(seeded.get(0), seeded.get(2));
            assertThat(flags.get(seeded.get(0))).containsExactly(MessageFlag.SEEN, MessageFlag.FLAGGED);
            assertThat(flags.get(seeded.get(2))).isEmpty();
            assertThat(reader.flags(seeded.get(2) + 1, seeded.get(2) + 50)).isEmpty();
            assertThat(reader.flags(5, 1)).isEmpty();
            assertThat(reader.fetchAfter(0, 10))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(seeded.get(0), seeded.get(2));
        }
    }

    @Test
    void readingNeverMarksMailAsSeen() throws Exception {
        List<Long> seeded = SeedMessages.appendPlain(inbox, 2);

        try (ImapFolderReader reader = open()) {
            assertThat(reader.fetchAfter(0, 10))
                    .allSatisfy(message -> assertThat(message.flags()).isEmpty());
            assertThat(reader.flags(1, seeded.get(1)).values())
                    .allSatisfy(flags -> assertThat(flags).isEmpty());
        }
    }

    private ImapFolderReader open() {
        return client.openFolderReader(imap(), ALICE, token, "INBOX");
    }

    private Map<Long, FetchedMessage> readAll() {
        Map<Long, FetchedMessage> read = new java.util.LinkedHashMap<>();
        try (ImapFolderReader reader = open()) {
            reader.fetchAfter(0, 50).forEach(message -> read.put(message.uid(), message));
        }
        return read;
    }

    private long append(MimeMessage message) {
        return inbox.appendMessage(message, new Flags(), Date.from(SeedMessages.RECEIVED));
    }

    private static Flags flags(Flags.Flag... flags) {
        Flags set = new Flags();
        for (Flags.Flag flag : flags) {
            set.add(flag);
        }
        return set;
    }

    private static MailEndpoint imap() {
        return imap(greenMail);
    }

    static MailEndpoint imap(GreenMailExtension server) {
        return new MailEndpoint(server.getImap().getBindTo(), server.getImap().getPort(), MailSecurity.NONE);
    }
}
