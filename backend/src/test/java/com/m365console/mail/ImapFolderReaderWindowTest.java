package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading ahead in windows: expunges between listing and fetching, layouts sharing commands, going back. */
class ImapFolderReaderWindowTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final String ALICE = "alice@contoso.test";
    private static final int BATCH = 2;

    private final MailServerClient client = new MailServerClient(MailServerProperties.defaults());
    private final String token = "window-" + UUID.randomUUID();
    private MailFolder inbox;

    @BeforeEach
    void mailbox() throws Exception {
        inbox = greenMail.getManagers().getImapHostManager().getInbox(greenMail.setUser(ALICE, token));
    }

    @Test
    void messagesExpungedAfterTheUidListingAreSkippedAndTheOthersKeepTheirOwnContent() throws Exception {
        List<Long> uids = SeedMessages.appendPlain(inbox, 8);

        try (ImapProxy proxy = new ImapProxy(ImapFolderReaderTest.imap(greenMail));
                ImapFolderReader reader = client.openFolderReader(proxy.endpoint(), ALICE, token, "INBOX")) {
            proxy.before(line -> line.contains("BODYSTRUCTURE"), () -> expunge(uids.get(1), uids.get(4)));

            List<FetchedMessage> read = readAll(reader);

            assertThat(read)
                    .extracting(FetchedMessage::uid)
                    .containsExactly(uids.get(0), uids.get(2), uids.get(3), uids.get(5), uids.get(6), uids.get(7));
            assertThat(read)
                    .allSatisfy(message ->
                            assertThat(message.textBody()).isEqualTo("Body " + (uids.indexOf(message.uid()) + 1)));
        }
    }

    @Test
    void aMessageExpungedBetweenItsStructureAndItsContentIsAskedForAloneThenSkipped() throws Exception {
        List<Long> uids = SeedMessages.appendPlain(inbox, 4);

        try (ImapProxy proxy = new ImapProxy(ImapFolderReaderTest.imap(greenMail));
                ImapFolderReader reader = client.openFolderReader(proxy.endpoint(), ALICE, token, "INBOX")) {
            proxy.before(line -> line.contains("ENVELOPE"), () -> expunge(uids.get(0)));

            List<FetchedMessage> read = readAll(reader);

            assertThat(read).extracting(FetchedMessage::uid).containsExactly(uids.get(1), uids.get(2), uids.get(3));
            assertThat(read).extracting(FetchedMessage::textBody).containsExactly("Body 2", "Body 3", "Body 4");
            assertThat(proxy.commandsContaining("BODY.PEEK[HEADER]"))
                    .singleElement()
                    .asString()
                    .contains("UID FETCH " + uids.get(0) + " (");
        }
    }

    @Test
    void messagesOfTheSameLayoutShareCommandsAcrossBatchesAtMostABatchEach() throws Exception {
        List<Long> uids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            uids.add(append(
                    i % 2 == 1 ? SeedMessages.plain("p" + i, "Plain " + i, "Body " + i) : SeedMessages.alternative()));
        }

        try (ImapProxy proxy = new ImapProxy(ImapFolderReaderTest.imap(greenMail));
                ImapFolderReader reader = client.openFolderReader(proxy.endpoint(), ALICE, token, "INBOX")) {
            List<FetchedMessage> read = readAll(reader);

            assertThat(read).extracting(FetchedMessage::uid).containsExactlyElementsOf(uids);
            assertThat(read)
                    .allSatisfy(message -> assertThat(message.textBody())
                            .isIn("Body " + (uids.indexOf(message.uid()) + 1), "Plain version"));
            assertThat(proxy.commandsContaining("BODYSTRUCTURE"))
                    .as("windows of 1 then 3 batches: 2, 6 and 4 messages")
                    .hasSize(3);
            List<String> contents = proxy.commandsContaining("ENVELOPE");
            assertThat(contents)
                    .as("each layout of each window in runs of at most a batch")
                    .hasSize(8)
                    .anyMatch(line -> line.contains("UID FETCH " + uids.get(2) + "," + uids.get(4) + " ("))
                    .anyMatch(line -> line.contains("UID FETCH " + uids.get(3) + "," + uids.get(5) + " ("));
        }
    }

    @Test
    void anEarlierCheckpointAfterReadingAheadServesTheMessagesAgain() throws Exception {
        List<Long> uids = SeedMessages.appendPlain(inbox, 6);

        try (ImapFolderReader reader =
                client.openFolderReader(ImapFolderReaderTest.imap(greenMail), ALICE, token, "INBOX")) {
            assertThat(reader.fetchAfter(0, BATCH))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(uids.get(0), uids.get(1));
            assertThat(reader.fetchAfter(uids.get(1), BATCH))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(uids.get(2), uids.get(3));
            assertThat(reader.fetchAfter(uids.get(0), BATCH))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(uids.get(1), uids.get(2));
            assertThat(reader.fetchAfter(uids.get(4), BATCH))
                    .extracting(FetchedMessage::uid)
                    .containsExactly(uids.get(5));
            assertThat(reader.fetchAfter(uids.get(5), BATCH)).isEmpty();
        }
    }

    private static List<FetchedMessage> readAll(ImapFolderReader reader) {
        List<FetchedMessage> read = new ArrayList<>();
        long lastUid = 0;
        for (List<FetchedMessage> batch = reader.fetchAfter(lastUid, BATCH);
                !batch.isEmpty();
                batch = reader.fetchAfter(lastUid, BATCH)) {
            assertThat(batch.size()).isLessThanOrEqualTo(BATCH);
            read.addAll(batch);
            lastUid = batch.get(batch.size() - 1).uid();
        }
        return read;
    }

    private long append(MimeMessage message) {
        return inbox.appendMessage(message, new Flags(), Date.from(SeedMessages.RECEIVED));
    }

    private void expunge(long... uids) {
        try {
            for (long uid : uids) {
                inbox.setFlags(new Flags(Flags.Flag.DELETED), true, uid, null, false);
            }
            inbox.expunge();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
