package com.m365console.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting in IDLE on a GreenMail folder: new mail ends the wait and is then read; wake() ends it too. */
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
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(reader::awaitChange);

            long uid = inbox.appendMessage(SeedMessages.plain("idle-1", "Pushed", "Body"), new Flags(), new Date());

            assertThat(waiting.get(10, TimeUnit.SECONDS))
                    .as("a change, not a wake-up")
                    .isTrue();
            assertThat(reader.fetchAfter(0, 10)).extracting(FetchedMessage::uid).containsExactly(uid);
        }
    }

    @Test
    void wakeEndsTheWaitWithoutAChange() throws Exception {
        try (ImapFolderReader reader = open()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(reader::awaitChange);

            reader.wake();

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(reader.status().messageCount())
                    .as("the connection is still usable")
                    .isZero();
        }
    }

    private ImapFolderReader open() {
        return client.openIdlingFolderReader(
                ImapFolderReaderTest.imap(greenMail), ALICE, token, "INBOX", Duration.ofMinutes(1));
    }
}
