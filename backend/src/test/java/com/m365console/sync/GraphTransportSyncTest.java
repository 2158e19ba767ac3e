package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Eventually;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.SyncNow;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.SeedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A mailbox connected over Microsoft Graph synchronises by itself as an IMAP one does: the schedule runs it over
 * Graph with the mailbox's own Graph token, its new mail comes with the delta poll, Sync now works, and a sign-in
 * Microsoft revokes means reconnecting. Peers: the local identity platform and its Graph look-alike.
 */
@TestPropertySource(properties = {"m365.graph.poll-interval=PT1S", "m365.sync.schedule-check-interval=PT0.5S"})
class GraphTransportSyncTest extends Microsoft365TestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    Sessions.Browser jane;
    FakeMailbox box;
    List<String> seeded;
    UUID mailboxId;

    @BeforeEach
    void connectJaneOverGraph() throws Exception {
        resetWithRegisteredApp();
        // The look-alike's mailbox of jane outlives a test: each test names its own messages and counts all it holds
        box = microsoft.graph().mailbox(JANE);
        seeded = new ArrayList<>();
        for (String subject : new String[] {"First", "Second", "Third"}) {
            seeded.add(subject + " " + UUID.randomUUID());
            box.add(box.folderId("inbox"), SeedMessage.of(seeded.get(seeded.size() - 1), "dana@contoso.com"));
        }
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
    }

    @Test
    void theScheduleSyncsItOverGraphAndNewMailComesWithTheDeltaPoll() {
        int held = box.messageIds(box.folderId("inbox")).size();
        Eventually.until(
                "the inbox's messages are stored",
                WAIT,
                () -> storedSubjects(mailboxId).size() == held);
        assertThat(storedSubjects(mailboxId)).containsAll(seeded);

        String later = "Later " + UUID.randomUUID();
        box.add(box.folderId("inbox"), SeedMessage.of(later, "dana@contoso.com"));
        Eventually.until(
                "the new message is stored by the poll",
                WAIT,
                () -> storedSubjects(mailboxId).contains(later),
                () -> storedSubjects(mailboxId).toString());
        assertThat(storedSubjects(mailboxId)).as("each message once").hasSize(held + 1);

        jane.graphQl()
                .document("{ myMailboxes { transport push { state reason } lastSync { state } } }")
                .execute()
                .path("myMailboxes[0].transport")
                .entity(String.class)
                .isEqualTo("GRAPH")
                .path("myMailboxes[0].push.state")
                .entity(String.class)
                .isEqualTo("OFF")
                .path("myMailboxes[0].push.reason")
                .entity(String.class)
                .satisfies(reason -> assertThat(reason).startsWith("Connected over Microsoft Graph: new mail arrives"))
                .path("myMailboxes[0].lastSync.state")
                .entity(String.class)
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void syncNowRunsOverGraphAndARevokedSignInNeedsReconnecting() {
        SyncNow.Answer answer = SyncNow.press(jane, sessions.baseUrl(), mailboxId);
        assertThat(answer.state()).isEqualTo("SUCCEEDED");
        int held = box.messageIds(box.folderId("inbox")).size();
        assertThat(storedSubjects(mailboxId)).containsAll(seeded).hasSize(held);

        microsoft.revokeGrants(JANE);
        db.sql("update mailbox_token set graph_access_expires_at = now() where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();

        Eventually.until(
                "the mailbox needs reconnecting",
                WAIT,
                () -> "NEEDS_REAUTH"
                        .equals(db.sql("select state from mailbox where id = :id")
                                .bind("id", mailboxId)
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block()));
        assertThat(storedSubjects(mailboxId)).as("nothing stored is lost").hasSize(held);
    }
}
