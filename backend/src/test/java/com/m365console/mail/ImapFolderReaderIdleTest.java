package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.m365console.support.CuttingProxy;
import com.m365console.support.Eventually;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting in IDLE on a GreenMail folder without a thread: new mail is told; endIdle() ends it. */
class ImapFolderReaderIdleTest {

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
    void newMailEndsTheWaitAndIsReadOverTheSameConnection() throws Exception {
        try (ImapFolderReader reader = open()) {
            assertThat(reader.canIdle()).isTrue();
            assertThat(reader.fetchAfter(0, 10)).isEmpty();
            CompletableFuture<Void> told = new CompletableFuture<>();
            reader.watch(() -> told.complete(null));

            List<Long> uids = appendUntilTold(told, "idle-1");

            assertThat(reader.takeNewMail())
                    .as("new mail, not a closed connection")
                    .isTrue();
            assertThat(reader.fetchAfter(0, 10)).extracting(FetchedMessage::uid).containsExactlyElementsOf(uids);
        }
    }

    @Test
    void endingIdleLeavesTheConnectionUsableAndWatchingAgainWorks() throws Exception {
        try (ImapFolderReader reader = open()) {
            reader.watch(() -> {});

            reader.endIdle();

            assertThat(reader.hasNewMail()).isFalse();
            assertThat(reader.status().messageCount())
                    .as("the connection is still usable")
                    .isZero();
            CompletableFuture<Void> told = new CompletableFuture<>();
            reader.watch(() -> told.complete(null));
            appendUntilTold(told, "idle-2");
            assertThat(reader.takeNewMail()).isTrue();
        }
    }

    @Test
    void aLostConnectionIsToldAndTheReaderThenFails() throws Exception {
        try (CuttingProxy link = new CuttingProxy(
                        greenMail.getImap().getBindTo(), greenMail.getImap().getPort());
                ImapFolderReader reader = client.openIdlingFolderReader(
                        new MailEndpoint("127.0.0.1", link.port(), MailSecurity.NONE), ALICE, token, "INBOX")) {
            CompletableFuture<Void> told = new CompletableFuture<>();
            reader.watch(() -> told.complete(null));

            link.cutOpenConnections();

            told.get(10, TimeUnit.SECONDS);
            assertThat(reader.hasNewMail()).isFalse();
            assertThatThrownBy(reader::endIdle).isInstanceOf(MailServerException.class);
        }
    }

    /**
     * Appends a message every look until the reader is told, and answers their UIDs: GreenMail answers "+ idling"
     * before it listens to the folder (its IdleCommand), so a message appended in between is announced only after
     * DONE, and a single append right after watch() is sometimes never told while in IDLE.
     */
    private List<Long> appendUntilTold(CompletableFuture<Void> told, String messageId) {
        List<Long> uids = new ArrayList<>();
        Eventually.until("the reader is told about new mail", Duration.ofSeconds(10), () -> {
            if (told.isDone()) {
                return true;
            }
            try {
                uids.add(inbox.appendMessage(
                        SeedMessages.plain(messageId + "-" + uids.size(), "Pushed", "Body"), new Flags(), new Date()));
            } catch (Exception e) {
                throw new IllegalStateException("GreenMail refused the message", e);
            }
            return false;
        });
        return uids;
    }

    private ImapFolderReader open() {
        return client.openIdlingFolderReader(ImapFolderReaderTest.imap(greenMail), ALICE, token, "INBOX");
    }
}
