package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.m365console.support.GraphQlSockets;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Incremental IMAP synchronisation into PostgreSQL, its published steps, and reading the result. */
class MailboxSyncTest extends Microsoft365TestBase {

    @Autowired
    MailboxSynchronizer synchronizer;

    @Autowired
    SyncEvents events;

    @Autowired
    SyncScheduler scheduler;

    Sessions.Browser jane;
    UUID mailboxId;

    @BeforeEach
    void connectJanesMailbox() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of());
    }

    @Test
    void onlyNewMailIsFetchedAndNothingIsStoredTwice() throws Exception {
        deliver(5);
        assertThat(sync().newMessages()).isEqualTo(5);

        db.sql("delete from mail_message where uid = (select min(m.uid) from mail_message m join mail_folder f "
                        + "on f.id = m.folder_id where f.mailbox_id = :id)")
                .bind("id", mailboxId)
                .then()
                .block();

        deliver(3);
        SyncStatus second = sync();

        assertThat(second.state()).isEqualTo(SyncState.SUCCEEDED);
        assertThat(second.newMessages()).isEqualTo(3);
        assertThat(storedCount())
                .as("the row removed locally was not fetched again: only UIDs after the checkpoint")
                .isEqualTo(7);
        assertThat(sync().newMessages()).isZero();
    }

    @Test
    void syncResumesAfterTheConnectionIsCutAndEndsWithExactlyTheServersMessages() throws Exception {
        deliver(40);
        int failedRuns = 0;
        long previouslyStored = 0;
        for (int run = 0; run < 4; run++) {
            imapLink.cutNextConnectionAfter(6_000);
            SyncStatus status = sync();
            assertThat(status.state()).as("run " + run).isEqualTo(SyncState.FAILED);
            long stored = storedCount();
            assertThat(stored)
                    .as("each cut run keeps the batches stored before the cut")
                    .isGreaterThan(previouslyStored);
            previouslyStored = stored;
            failedRuns++;
        }

        SyncStatus last = sync();

        assertThat(failedRuns).isEqualTo(4);
        assertThat(last.state()).isEqualTo(SyncState.SUCCEEDED);
        assertThat(storedCount()).isEqualTo(40);
        assertThat(db.sql("select count(distinct (m.folder_id, m.uid)) from mail_message m join mail_folder f "
                                + "on f.id = m.folder_id where f.mailbox_id = :id")
                        .bind("id", mailboxId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(40);
        assertThat(inbox().getMessageCount()).isEqualTo(40);
    }

    @Test
    void aUidValidityChangeResynchronisesTheFolder() throws Exception {
        deliver(3);
        sync();
        db.sql("update mail_folder set uid_validity = 1, last_uid = 999 where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();

        assertThat(sync().newMessages()).isEqualTo(3);
        assertThat(storedCount()).isEqualTo(3);
    }

    @Test
    void flagChangesAndDeletionsAreReflectedOnTheNextRun() throws Exception {
        deliver(3);
        sync();
        MailFolder inbox = inbox();
        inbox.getMessages().get(0).setFlag(Flags.Flag.SEEN, true);
        inbox.getMessages().get(1).setFlag(Flags.Flag.DELETED, true);
        inbox.expunge();

        sync();

        assertThat(storedCount()).isEqualTo(2);
        assertThat(db.sql("select count(*) from mail_message m join mail_folder f on f.id = m.folder_id "
                                + "where f.mailbox_id = :id and 'SEEN' = any(m.flags)")
                        .bind("id", mailboxId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1);
    }

    @Test
    void stepsArePublishedInOrder() throws Exception {
        deliver(4);
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        assertThat(steps.next().block(Duration.ofSeconds(10)).state()).isEqualTo(SyncState.IDLE);

        sync();

        List<SyncStatus> seen = steps.takeUntil(status -> status.state() == SyncState.SUCCEEDED)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(seen)
                .extracting(SyncStatus::state)
                .startsWith(SyncState.IDLE, SyncState.CONNECTING, SyncState.SYNCING)
                .endsWith(SyncState.SUCCEEDED);
        List<Integer> done = seen.stream()
                .filter(s -> s.state() == SyncState.SYNCING)
                .map(SyncStatus::done)
                .toList();
        assertThat(done).isSorted().endsWith(4);
    }

    @Test
    void subscribersSeeTheStepsOfTheirOwnMailboxLiveAndNobodyElsesMailbox() throws Exception {
        deliver(2);
        String subscription = "subscription($id: UUID) { mailboxSyncStatus(mailboxId: $id) { state done total } }";
        WebSocketGraphQlTester janeSocket = socket(apiToken(jane.graphQl()));
        WebSocketGraphQlTester bobSocket = socket(apiToken(sessions.graphQl("bob", TestAccounts.PASSWORD)));
        try {
            Flux<String> states = janeSocket
                    .document(subscription)
                    .variable("id", mailboxId.toString())
                    .executeSubscription()
                    .toFlux("mailboxSyncStatus.state", String.class)
                    .replay()
                    .autoConnect();
            assertThat(states.next().block(Duration.ofSeconds(10))).isEqualTo("IDLE");
            sync();

            assertThat(states.takeUntil("SUCCEEDED"::equals).collectList().block(Duration.ofSeconds(10)))
                    .startsWith("IDLE", "CONNECTING", "SYNCING")
                    .endsWith("SUCCEEDED");

            Flux<String> bobsAttempt = bobSocket
                    .document(subscription)
                    .variable("id", mailboxId.toString())
                    .executeSubscription()
                    .toFlux("mailboxSyncStatus.state", String.class);
            assertThatThrownBy(() -> bobsAttempt.blockFirst(Duration.ofSeconds(10)))
                    .hasMessageContaining("You have no mailbox with this id");
        } finally {
            Mono.when(janeSocket.stop(), bobSocket.stop())
                    .timeout(Duration.ofSeconds(5))
                    .onErrorResume(ex -> Mono.empty())
                    .block();
        }
    }

    @Test
    void aDoubleClickedSyncNowJoinsTheRunningRunWithOneImapLogin() throws Exception {
        deliver(30);
        int connectionsBefore = imapLink.connections();

        List<SyncOutcome> outcomes = Flux.merge(synchronizer.sync(mailboxId), synchronizer.sync(mailboxId))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0))
                .as("the second request got the first one's run")
                .isSameAs(outcomes.get(1));
        assertThat(((SyncOutcome.Succeeded) outcomes.get(0)).newMessages()).isEqualTo(30);
        assertThat(imapLink.connections() - connectionsBefore).as("IMAP logins").isEqualTo(1);
        assertThat(storedCount()).isEqualTo(30);
        assertThat(sync().newMessages())
                .as("a request after the answer starts a new run")
                .isZero();
    }

    @Test
    void aMailboxHeldByAnotherInstanceIsNotSynchronisedTwice() throws Exception {
        deliver(1);
        db.sql(
                        "insert into sync_lease (mailbox_id, holder, expires_at) values (:id, 'other', now() + interval '1 minute')")
                .bind("id", mailboxId)
                .then()
                .block();

        SyncStatus refused = sync();
        assertThat(refused.state()).isEqualTo(SyncState.BUSY);
        assertThat(storedCount()).isZero();

        db.sql("update sync_lease set expires_at = now() - interval '1 second' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        assertThat(sync().newMessages()).isEqualTo(1);
    }

    @Test
    void theOwnerReadsSynchronisedMailAndNobodyElseDoes() throws Exception {
        deliver(3);
        deliverHtml(
                "Quarterly report",
                "<p onclick=\"x()\">Numbers</p><script>alert(1)</script>"
                        + "<img src=\"https://tracker.example/p.gif\">");
        jane.graphQl()
                .documentName("syncMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("syncMailbox.status.state")
                .entity(String.class)
                .isEqualTo("SUCCEEDED");

        String folderId = jane.graphQl()
                .document("{ mailFolders(mailboxId: \"" + mailboxId + "\") { id fullName total unread } }")
                .execute()
                .path("mailFolders[0].fullName")
                .entity(String.class)
                .isEqualTo("INBOX")
                .path("mailFolders[0].total")
                .entity(Integer.class)
                .isEqualTo(4)
                .path("mailFolders[0].id")
                .entity(String.class)
                .get();

        var firstPage = jane.graphQl()
                .document("query($f: UUID!) { messages(folderId: $f, first: 3) { edges { cursor "
                        + "node { id subject } } pageInfo { hasNextPage endCursor } } }")
                .variable("f", folderId)
                .execute();
        firstPage
                .path("messages.edges")
                .entityList(Object.class)
                .hasSize(3)
                .path("messages.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true);
        String cursor = firstPage
                .path("messages.pageInfo.endCursor")
                .entity(String.class)
                .get();
        jane.graphQl()
                .document("query($f: UUID!, $a: String) { messages(folderId: $f, first: 3, after: $a) { edges { "
                        + "node { subject } } pageInfo { hasNextPage } } }")
                .variable("f", folderId)
                .variable("a", cursor)
                .execute()
                .path("messages.edges")
                .entityList(Object.class)
                .hasSize(1)
                .path("messages.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);

        String reportId = jane.graphQl()
                .document("query($f: UUID!) { messages(folderId: $f, search: \"quarterly\") { "
                        + "edges { node { id subject } } } }")
                .variable("f", folderId)
                .execute()
                .path("messages.edges[0].node.subject")
                .entity(String.class)
                .isEqualTo("Quarterly report")
                .path("messages.edges[0].node.id")
                .entity(String.class)
                .get();
        String html = jane.graphQl()
                .document("query($id: UUID!) { message(id: $id) { html } }")
                .variable("id", reportId)
                .execute()
                .path("message.html")
                .entity(String.class)
                .get();
        assertThat(html)
                .contains("Numbers")
                .doesNotContain("script")
                .doesNotContain("onclick")
                .doesNotContain("tracker.example");

        var bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
        bob.document("query($id: UUID!) { message(id: $id) { subject } }")
                .variable("id", reportId)
                .execute()
                .path("message")
                .valueIsNull();
        bob.document("query($f: UUID!) { messages(folderId: $f) { edges { node { id } } } }")
                .variable("f", folderId)
                .execute()
                .path("messages.edges")
                .entityList(Object.class)
                .hasSize(0);
        bob.documentName("syncMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("syncMailbox.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aSelectedFolderGoneFromTheServerIsSkippedAndTheOthersStillSync() throws Exception {
        if (mailServer.getManagers().getImapHostManager().getFolder(user(), "Projects") == null) {
            mailServer.getManagers().getImapHostManager().createMailbox(user(), "Projects");
        }
        jane.graphQl()
                .documentName("selectMailboxFolders")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "folders", List.of("Projects", "INBOX")))
                .execute()
                .path("selectMailboxFolders.errors")
                .entityList(Object.class)
                .hasSize(0);
        mailServer.getManagers().getImapHostManager().deleteMailbox(user(), "Projects");
        deliver(2);

        SyncStatus first = sync();
        deliver(1);
        SyncStatus second = sync();

        assertThat(first.state()).isEqualTo(SyncState.SUCCEEDED);
        assertThat(first.newMessages()).isEqualTo(2);
        assertThat(first.reason()).contains("\"Projects\"").contains("no longer has it");
        assertThat(second.state()).as("not failed forever").isEqualTo(SyncState.SUCCEEDED);
        assertThat(second.newMessages()).isEqualTo(1);
        assertThat(storedCount()).isEqualTo(3);
    }

    @Test
    void syncNowIsRateLimitedPerMailboxWhileScheduledRunsAreNot() throws Exception {
        for (int i = 0; i < 6; i++) {
            syncNow().path("syncMailbox.status.state").entity(String.class).isEqualTo("SUCCEEDED");
        }
        int connections = imapLink.connections();

        syncNow()
                .path("syncMailbox.status")
                .valueIsNull()
                .path("syncMailbox.errors[0].code")
                .entity(String.class)
                .isEqualTo("RATE_LIMITED")
                .path("syncMailbox.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message)
                        .startsWith("Sync now was asked 6 times for this mailbox")
                        .contains("try again in"));
        assertThat(imapLink.connections()).as("no IMAP login once limited").isEqualTo(connections);

        deliver(2);
        db.sql("update mailbox_sync set next_attempt_at = now() - interval '1 second' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        scheduler.synchroniseDueMailboxes().block(Duration.ofSeconds(60));
        assertThat(storedCount()).as("the scheduled run went ahead").isEqualTo(2);
        assertThat(sync().state()).isEqualTo(SyncState.SUCCEEDED);
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response syncNow() {
        return jane.graphQl()
                .documentName("syncMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
    }

    private String apiToken(HttpGraphQlTester tester) {
        return tester.documentName("createApiToken")
                .variable("input", Map.of("name", "subscriber"))
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    private WebSocketGraphQlTester socket(String token) {
        return GraphQlSockets.open(URI.create(sessions.baseUrl().replace("http", "ws") + "/graphql"), token);
    }

    private SyncStatus sync() {
        return synchronizer.sync(mailboxId).block(Duration.ofSeconds(60)).status(mailboxId);
    }

    private long storedCount() {
        return db.sql("select count(*) from mail_message m join mail_folder f on f.id = m.folder_id "
                        + "where f.mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private GreenMailUser user() {
        return mailServer.getUserManager().getUser(JANE);
    }

    private MailFolder inbox() throws Exception {
        return mailServer.getManagers().getImapHostManager().getInbox(user());
    }

    private void deliver(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
            message.setFrom(new InternetAddress("sender" + i + "@example.com", "Sender " + i));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(JANE));
            message.setSubject("Message " + UUID.randomUUID());
            message.setSentDate(new java.util.Date());
            message.setText("Body " + i);
            user().deliver(message);
        }
    }

    private void deliverHtml(String subject, String html) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress("cfo@example.com", "The CFO"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(JANE));
        message.setSubject(subject);
        message.setSentDate(new java.util.Date());
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(html, "text/html; charset=utf-8");
        message.setContent(new MimeMultipart("alternative", part));
        user().deliver(message);
    }
}
