package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.SeededMailboxes;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.graph.FakeGraph;
import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.RecordedRequest;
import com.m365console.testsupport.microsoft.graph.SeedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Synchronisation over Microsoft Graph into PostgreSQL against the Graph look-alike (real HTTP, tokens the identity
 * platform issued): first and incremental rounds exact against the server, throttling, lost delta tokens, a mailbox
 * switched from IMAP, refused tokens, and the steps and outcome published and recorded as for IMAP runs.
 */
class GraphSyncTest extends Microsoft365TestBase {

    static final String MAIL = "offline_access https://graph.microsoft.com/Mail.ReadWrite";
    static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    MailboxSynchronizer synchronizer;

    @Autowired
    SyncEvents events;

    final FakeGraph graph = microsoft.graph();
    String address;
    FakeMailbox box;
    String inbox;
    UUID mailboxId;
    IssuedTokens tokens;
    /** Graph's request log is shared by every test: this test's requests come after this many. */
    int earlierRequests;

    @BeforeEach
    void graphMailbox() throws Exception {
        resetWithRegisteredApp();
        address = "graph-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        microsoft.addAccount(TENANT, UUID.randomUUID().toString(), address, "Graph User");
        box = graph.mailbox(address);
        inbox = box.folderId("inbox");
        mailboxId = db.sql("insert into mailbox (kind, owner_id, address, state) values ('PERSONAL', :owner, :address,"
                        + " 'CONNECTED') returning id")
                .bind("owner", SeededMailboxes.userId(db, "jane"))
                .bind("address", address)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        tokens = new IssuedTokens(MAIL);
        earlierRequests = graph.requests().size();
    }

    @Test
    void firstSyncIsExactAcrossPagesInTheSelectedFoldersWithStepsPublishedAndRecorded() {
        List<String> inboxIds = seed(inbox, 120);
        String projects = box.addFolder(inbox, "Projects");
        String plan = box.add(
                projects,
                SeedMessage.of("Plan", "dana@contoso.com")
                        .from("Dana Swope", "dana@contoso.com")
                        .to(address)
                        .html("<p>The plan</p>")
                        .read(true)
                        .flag("flagged")
                        .messageId("<plan@contoso.com>")
                        .inReplyTo("<kickoff@contoso.com>")
                        .attachment("plan.pdf", "application/pdf", 12_345)
                        .attachment("budget.xlsx", "application/vnd.ms-excel", 2_048)
                        .receivedAt(AT));
        String notes =
                box.add(projects, SeedMessage.of("Notes", "lee@contoso.com").text("Plain notes"));
        box.add(box.folderId("sentitems"), SeedMessage.of("Not selected", address));
        select("INBOX", "INBOX/Projects", "Gone");
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        steps.next().block(Duration.ofSeconds(10));

        SyncOutcome outcome = sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Succeeded.class);
        SyncOutcome.Succeeded done = (SyncOutcome.Succeeded) outcome;
        assertThat(done.newMessages()).isEqualTo(122);
        assertThat(done.skippedFolders()).containsExactly("Gone");
        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(inboxIds);
        assertThat(stored("INBOX/Projects")).containsExactlyInAnyOrder(plan, notes);
        assertThat(uids("INBOX"))
                .as("UIDs from the folder's counter, one each")
                .containsExactlyElementsOf(range(1, 120));
        assertThat(folderNames()).containsExactlyInAnyOrder("INBOX", "INBOX/Projects");
        Map<String, Object> row = db.sql("select m.* from mail_message m where m.graph_id = :id")
                .bind("id", plan)
                .fetch()
                .one()
                .block();
        assertThat(row.get("subject")).isEqualTo("Plan");
        assertThat(row.get("message_id")).isEqualTo("<plan@contoso.com>");
        assertThat(row.get("in_reply_to")).isEqualTo("<kickoff@contoso.com>");
        assertThat(row.get("from_address")).isEqualTo("dana@contoso.com");
        assertThat(row.get("html_body")).isEqualTo("<p>The plan</p>");
        assertThat(row.get("text_body")).isNull();
        assertThat((String[]) row.get("flags")).containsExactlyInAnyOrder("SEEN", "FLAGGED");
        assertThat(db.sql("select a ->> 'fileName' as name, (a ->> 'size')::int as size from mail_message m,"
                                + " jsonb_array_elements(m.attachments) a where m.graph_id = :id")
                        .bind("id", plan)
                        .map(r -> r.get("name", String.class) + ":" + r.get("size", Integer.class))
                        .all()
                        .collectList()
                        .block())
                .containsExactly("plan.pdf:12345", "budget.xlsx:2048");
        assertThat(db.sql("select text_body from mail_message where graph_id = :id")
                        .bind("id", notes)
                        .map(r -> r.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("Plain notes");
        assertThat(deltaRequests())
                .as("120 messages in pages of 50, and one page of Projects")
                .hasSize(4);

        List<SyncStatus> seen = steps.takeUntil(s -> s.state() == SyncState.SUCCEEDED)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(seen).extracting(SyncStatus::state).startsWith(SyncState.IDLE, SyncState.CONNECTING);
        List<SyncStatus> inboxSteps = seen.stream()
                .filter(s -> s.state() == SyncState.SYNCING && "INBOX".equals(s.folder()))
                .toList();
        assertThat(inboxSteps).extracting(SyncStatus::done).containsExactly(0, 50, 100, 120);
        assertThat(inboxSteps).extracting(SyncStatus::total).containsOnly(120);
        SyncStatus last = seen.get(seen.size() - 1);
        assertThat(last.newMessages()).isEqualTo(122);
        assertThat(last.reason()).contains("\"Gone\"");
        assertThat(recorded()).containsEntry("last_state", "SUCCEEDED").containsEntry("new_messages", 122);
    }

    @Test
    void theOwnerReadsMailSynchronisedOverGraphAsOverImap() throws Exception {
        box.add(
                inbox,
                SeedMessage.of("Older", "lee@contoso.com")
                        .text("Plain")
                        .read(true)
                        .receivedAt(AT));
        box.add(
                inbox,
                SeedMessage.of("Quarterly report", "dana@contoso.com")
                        .from("Dana Swope", "dana@contoso.com")
                        .html("<p onclick=\"x()\">Numbers</p><script>alert(1)</script>")
                        .attachment("q1.xlsx", "application/vnd.ms-excel", 48_213)
                        .flag("flagged")
                        .receivedAt(AT.plusSeconds(60)));
        box.add(box.addFolder(inbox, "Projects"), SeedMessage.of("Plan", "dana@contoso.com"));
        select("INBOX", "Inbox/Projects");
        succeeded();
        var jane = sessions.signIn("jane", TestAccounts.PASSWORD);

        var folders = jane.graphQl()
                .document("{ mailFolders(mailboxId: \"" + mailboxId + "\") { id fullName total unread } }")
                .execute();
        folders.path("mailFolders[*].fullName")
                .entityList(String.class)
                .containsExactly("INBOX", "Inbox/Projects")
                .path("mailFolders[0].total")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("mailFolders[0].unread")
                .entity(Integer.class)
                .isEqualTo(1);
        String inboxFolder =
                folders.path("mailFolders[0].id").entity(String.class).get();
        var list = jane.graphQl()
                .document("query($f: UUID!) { messages(folderId: $f) { edges { node { id subject seen flagged"
                        + " hasAttachments } } } }")
                .variable("f", inboxFolder)
                .execute();
        list.path("messages.edges[*].node.subject")
                .entityList(String.class)
                .containsExactly("Quarterly report", "Older")
                .path("messages.edges[0].node.flagged")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("messages.edges[0].node.hasAttachments")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("messages.edges[1].node.seen")
                .entity(Boolean.class)
                .isEqualTo(true);
        String reportId =
                list.path("messages.edges[0].node.id").entity(String.class).get();
        var report = jane.graphQl()
                .document("query($id: UUID!) { message(id: $id) { fromName html text attachments { fileName size } } }")
                .variable("id", reportId)
                .execute();
        report.path("message.fromName").entity(String.class).isEqualTo("Dana Swope");
        report.path("message.attachments[0].fileName").entity(String.class).isEqualTo("q1.xlsx");
        report.path("message.attachments[0].size").entity(Double.class).isEqualTo(48_213.0);
        assertThat(report.path("message.html").entity(String.class).get())
                .contains("Numbers")
                .doesNotContain("script", "onclick");
    }

    @Test
    void incrementalSyncBringsAdditionsDeletionsReadAndFlagChangesAndNothingTwice() {
        List<String> ids = seed(inbox, 6);
        assertThat(succeeded().newMessages()).isEqualTo(6);
        Map<String, Long> uidsBefore = uidsByGraphId();

        String added1 = box.add(inbox, SeedMessage.of("Later 1", "dana@contoso.com"));
        String added2 =
                box.add(inbox, SeedMessage.of("Later 2", "dana@contoso.com").read(true));
        box.delete(ids.get(0));
        box.markRead(ids.get(1), true);
        box.flag(ids.get(2), "flagged");
        box.move(ids.get(3), box.folderId("archive"));
        box.markRead(ids.get(4), true);
        box.markRead(ids.get(4), false);
        int requestsBefore = deltaRequests().size();

        assertThat(succeeded().newMessages()).isEqualTo(2);

        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(box.messageIds(inbox));
        assertThat(flags(ids.get(1))).containsExactly("SEEN");
        assertThat(flags(ids.get(2))).containsExactly("FLAGGED");
        assertThat(flags(ids.get(4))).isEmpty();
        assertThat(flags(added2)).containsExactly("SEEN");
        Map<String, Long> uidsAfter = uidsByGraphId();
        assertThat(uidsAfter).containsEntry(ids.get(5), uidsBefore.get(ids.get(5)));
        assertThat(uidsAfter.get(added1)).isEqualTo(7);
        assertThat(uidsAfter.get(added2)).isEqualTo(8);
        assertThat(deltaRequests()).hasSize(requestsBefore + 1);

        assertThat(succeeded().newMessages()).isZero();
        assertThat(stored("INBOX")).hasSize(6);
    }

    @Test
    void throttlingMidSyncIsWaitedOutWithNothingLostOrTwice() {
        List<String> ids = seed(inbox, 120);
        graph.throttleAfter(FOLDER_REQUESTS + 1, 1, Duration.ofSeconds(1));

        assertThat(succeeded().newMessages()).isEqualTo(120);

        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(deltaRequests()).extracting(RecordedRequest::status).containsExactly(200, 429, 200, 200);
    }

    @Test
    void throttledLongerThanTheRunWaitsItFailsAndTheNextRunResumesAfterTheLastStoredPage() {
        List<String> ids = seed(inbox, 120);
        graph.throttleAfter(FOLDER_REQUESTS + 1, 1, Duration.ofMinutes(10));

        SyncOutcome failed = sync();

        assertThat(failed).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(((SyncOutcome.Failed) failed).reason()).contains("try again in 600 s");
        assertThat(((SyncOutcome.Failed) failed).storedBeforeFailure()).isEqualTo(50);
        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(ids.subList(0, 50));
        assertThat(recorded()).containsEntry("last_state", "FAILED");
        int before = deltaRequests().size();

        assertThat(succeeded().newMessages()).isEqualTo(70);

        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(uids("INBOX")).containsExactlyElementsOf(range(1, 120));
        assertThat(deltaRequests().subList(before, deltaRequests().size()))
                .as("resumed from the stored nextLink: pages 2 and 3 only")
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.query()).containsKey("$skiptoken"));
    }

    @Test
    void aStateTokenLostMidFirstRoundStartsTheRoundOverWithoutDuplicates() {
        List<String> ids = seed(inbox, 120);
        graph.throttleAfter(FOLDER_REQUESTS + 1, 1, Duration.ofMinutes(10));
        assertThat(sync()).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(stored("INBOX")).hasSize(50);
        box.delete(ids.get(0));
        graph.expireDeltaTokens();

        assertThat(succeeded().newMessages()).isEqualTo(70);

        assertThat(deltaRequests()).extracting(RecordedRequest::status).contains(410);
        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(ids.subList(1, 120));
        assertThat(uids("INBOX")).doesNotHaveDuplicates().hasSize(119);
    }

    @Test
    void aRunStoppedBetweenPagesFailsSayingWhyAndTheNextRunResumes() {
        List<String> ids = seed(inbox, 120);
        graph.throttleAfter(FOLDER_REQUESTS + 2, 1, Duration.ofSeconds(2));
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        steps.next().block(Duration.ofSeconds(10));
        Mono<SyncOutcome> running =
                synchronizer.syncOverGraph(mailboxId, tokens).cache();
        running.subscribe();
        steps.filter(s -> s.state() == SyncState.SYNCING && s.done() != null && s.done() >= 50)
                .next()
                .block(Duration.ofSeconds(30));

        synchronizer.stopAll();
        SyncOutcome stopped = running.block(Duration.ofSeconds(30));

        assertThat(stopped).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(((SyncOutcome.Failed) stopped).reason()).contains("shutting down");
        int kept = stored("INBOX").size();
        assertThat(kept).isBetween(50, 100);
        assertThat(succeeded().newMessages()).isEqualTo(120 - kept);
        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aFolderDeletedBetweenTheTreeAndItsDeltaIsSkippedAndNamedWhileTheOthersSync() {
        List<String> ids = seed(inbox, 3);
        String projects = box.addFolder(inbox, "Projects");
        box.add(projects, SeedMessage.of("Plan", "dana@contoso.com"));
        select("INBOX/Projects", "INBOX");
        box.beforeNextDelta(() -> box.deleteFolder(projects));

        SyncOutcome.Succeeded done = succeeded();

        assertThat(done.skippedFolders()).containsExactly("INBOX/Projects");
        assertThat(done.newMessages()).isEqualTo(3);
        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(stored("INBOX/Projects")).isEmpty();
        assertThat(deltaRequests())
                .as("the deleted folder's delta, then the Inbox's")
                .extracting(RecordedRequest::status)
                .containsExactly(404, 200);
        assertThat(done.status(mailboxId).reason())
                .startsWith("Skipped folder \"INBOX/Projects\": the mail server no longer has it.");
        assertThat(recorded()).containsEntry("last_state", "SUCCEEDED").containsEntry("new_messages", 3);
    }

    @Test
    void anExpiredDeltaTokenResynchronisesTheFolderWithoutDuplicatesAndDropsWhatWentMeanwhile() {
        List<String> ids = seed(inbox, 5);
        sync();
        Map<String, Long> uidsBefore = uidsByGraphId();
        box.delete(ids.get(0));
        box.markRead(ids.get(1), true);
        String added = box.add(inbox, SeedMessage.of("During the outage", "dana@contoso.com"));
        graph.expireDeltaTokens();

        SyncOutcome.Succeeded resynchronised = succeeded();

        assertThat(resynchronised.newMessages()).isEqualTo(1);
        assertThat(resynchronised.readAgain()).containsExactly("INBOX");
        String note = "Folder \"INBOX\" was read again in full: Microsoft Graph no longer knew its sync state.";
        assertThat(resynchronised.status(mailboxId).reason()).isEqualTo(note);
        assertThat(recorded()).containsEntry("last_state", "SUCCEEDED").containsEntry("last_reason", note);
        assertThat(deltaRequests()).extracting(RecordedRequest::status).contains(410);
        assertThat(stored("INBOX")).containsExactlyInAnyOrderElementsOf(box.messageIds(inbox));
        assertThat(flags(ids.get(1))).containsExactly("SEEN");
        Map<String, Long> uidsAfter = uidsByGraphId();
        ids.subList(1, 5).forEach(id -> assertThat(uidsAfter.get(id)).isEqualTo(uidsBefore.get(id)));
        assertThat(uidsAfter.get(added)).isEqualTo(6);
        SyncOutcome.Succeeded next = succeeded();
        assertThat(next.newMessages()).isZero();
        assertThat(next.readAgain())
                .as("the new delta token serves the next run")
                .isEmpty();
        assertThat((String) recorded().get("last_reason")).isEmpty();
    }

    @Test
    void aFolderSwitchedFromImapIsMatchedByMessageIdKeepingItsRowsAndUids() {
        String a = box.add(
                inbox,
                SeedMessage.of("A", "dana@contoso.com")
                        .messageId("<a@contoso.com>")
                        .read(true));
        String b = box.add(inbox, SeedMessage.of("B", "dana@contoso.com").messageId("<b@contoso.com>"));
        String c = box.add(
                inbox,
                SeedMessage.of("C", "dana@contoso.com")
                        .messageId("<c@contoso.com>")
                        .flag("flagged"));
        String fresh = box.add(inbox, SeedMessage.of("New over Graph", "dana@contoso.com"));
        UUID folder = db.sql(
                        "insert into mail_folder (mailbox_id, full_name, uid_validity, last_uid) values (:m, 'INBOX',"
                                + " 777, 30) returning id")
                .bind("m", mailboxId)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        UUID rowA = imapRow(folder, 10, "<a@contoso.com>", "A", "SEEN", "ANSWERED");
        UUID rowB = imapRow(folder, 20, "<b@contoso.com>", "B", "SEEN");
        UUID rowC = imapRow(folder, 30, "<c@contoso.com>", "C");
        imapRow(folder, 25, "<gone@contoso.com>", "Deleted while IMAP was off");

        assertThat(succeeded().newMessages()).isEqualTo(1);

        Map<String, Map<String, Object>> rows = db.sql("select * from mail_message where folder_id = :f")
                .bind("f", folder)
                .fetch()
                .all()
                .collectMap(r -> (String) r.get("graph_id"))
                .block();
        assertThat(rows).containsOnlyKeys(a, b, c, fresh);
        assertThat(rows.get(a)).containsEntry("id", rowA).containsEntry("uid", 10L);
        assertThat(rows.get(b)).containsEntry("id", rowB).containsEntry("uid", 20L);
        assertThat(rows.get(c)).containsEntry("id", rowC).containsEntry("uid", 30L);
        assertThat(rows.get(fresh)).containsEntry("uid", 31L).containsEntry("subject", "New over Graph");
        assertThat((String[]) rows.get(a).get("flags")).containsExactly("ANSWERED", "SEEN");
        assertThat((String[]) rows.get(b).get("flags")).isEmpty();
        assertThat((String[]) rows.get(c).get("flags")).containsExactly("FLAGGED");
        assertThat(db.sql("select uid_validity from mail_folder where id = :f")
                        .bind("f", folder)
                        .map(r -> java.util.Optional.ofNullable(r.get(0, Long.class)))
                        .one()
                        .block())
                .as("IMAP stores the folder anew if the mailbox is switched back")
                .isEmpty();
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndARefusedRefreshNeedsReconnecting() {
        seed(inbox, 2);
        tokens.refuseNext(1);

        assertThat(succeeded().newMessages()).isEqualTo(2);
        assertThat(tokens.refreshes.get()).isEqualTo(1);

        tokens.refuseNext(2);
        SyncOutcome refused = sync();

        assertThat(refused).isInstanceOf(SyncOutcome.NeedsReauth.class);
        assertThat(((SyncOutcome.NeedsReauth) refused).reason()).contains("reconnect the mailbox");
        assertThat(tokens.refreshes.get()).isEqualTo(2);
        assertThat(recorded()).containsEntry("last_state", "NEEDS_REAUTH");
    }

    @Test
    void aTokenWithoutTheMailPermissionIsRefusedAccessSayingWhatToGrant() {
        seed(inbox, 1);
        tokens = new IssuedTokens("User.Read");

        SyncOutcome refused = sync();

        assertThat(refused).isInstanceOf(SyncOutcome.AccessRefused.class);
        assertThat(((SyncOutcome.AccessRefused) refused).reason()).contains("Mail.ReadWrite");
        assertThat(stored("INBOX")).isEmpty();
    }

    /** The well-known folders' ids (five steps of one $batch) and the top level of the tree. */
    static final int FOLDER_REQUESTS = 6;

    SyncOutcome sync() {
        return synchronizer.syncOverGraph(mailboxId, tokens).block(Duration.ofMinutes(2));
    }

    SyncOutcome.Succeeded succeeded() {
        SyncOutcome outcome = sync();
        assertThat(outcome).isInstanceOf(SyncOutcome.Succeeded.class);
        return (SyncOutcome.Succeeded) outcome;
    }

    List<String> seed(String folderId, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(box.add(
                    folderId, SeedMessage.of("Message " + i, "dana@contoso.com").receivedAt(AT.plusSeconds(i))));
        }
        return ids;
    }

    void select(String... folders) {
        db.sql("update mailbox set selected_folders = :f where id = :id")
                .bind("f", folders)
                .bind("id", mailboxId)
                .then()
                .block();
    }

    UUID imapRow(UUID folder, long uid, String messageId, String subject, String... flags) {
        return db.sql(
                        "insert into mail_message (folder_id, uid, message_id, subject, flags, text_body) values (:f, :uid,"
                                + " :mid, :s, :flags, 'stored over IMAP') returning id")
                .bind("f", folder)
                .bind("uid", uid)
                .bind("mid", messageId)
                .bind("s", subject)
                .bind("flags", flags)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }

    List<String> stored(String folder) {
        return db.sql("select m.graph_id from mail_message m join mail_folder f on f.id = m.folder_id"
                        + " where f.mailbox_id = :id and f.full_name = :name")
                .bind("id", mailboxId)
                .bind("name", folder)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    List<Long> uids(String folder) {
        return db.sql("select m.uid from mail_message m join mail_folder f on f.id = m.folder_id"
                        + " where f.mailbox_id = :id and f.full_name = :name order by m.uid")
                .bind("id", mailboxId)
                .bind("name", folder)
                .map(row -> row.get(0, Long.class))
                .all()
                .collectList()
                .block();
    }

    Map<String, Long> uidsByGraphId() {
        return db.sql("select m.graph_id, m.uid from mail_message m join mail_folder f on f.id = m.folder_id"
                        + " where f.mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> Map.entry(row.get(0, String.class), row.get(1, Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block();
    }

    List<String> flags(String graphId) {
        return Arrays.asList(db.sql("select flags from mail_message where graph_id = :id")
                .bind("id", graphId)
                .map(row -> row.get(0, String[].class))
                .one()
                .block());
    }

    List<String> folderNames() {
        return db.sql("select full_name from mail_folder where mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    Map<String, Object> recorded() {
        return db.sql("select last_state, new_messages, last_reason from mailbox_sync where mailbox_id = :id")
                .bind("id", mailboxId)
                .fetch()
                .one()
                .block();
    }

    List<RecordedRequest> deltaRequests() {
        String me = "/v1.0/me/";
        List<RecordedRequest> all = graph.requests();
        return all.subList(earlierRequests, all.size()).stream()
                .filter(r -> r.path().startsWith(me) && r.path().endsWith("/messages/delta"))
                .collect(Collectors.toList());
    }

    static List<Long> range(long from, long to) {
        List<Long> all = new ArrayList<>();
        for (long uid = from; uid <= to; uid++) {
            all.add(uid);
        }
        return all;
    }

    /**
     * The mailbox's Graph tokens as the identity platform issues them for this test's app registration (the mailbox
     * package's token store takes this place once a mailbox is connected over Graph); it can hand out a refused
     * token first, as when Microsoft ends one early.
     */
    final class IssuedTokens implements GraphTokenSource {
        final String scope;
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger refreshes = new AtomicInteger();

        IssuedTokens(String scope) {
            this.scope = scope;
        }

        void refuseNext(int n) {
            refused.set(n);
        }

        @Override
        public Mono<String> accessToken(UUID mailbox) {
            return Mono.fromCallable(this::next);
        }

        @Override
        public Mono<String> refreshed(UUID mailbox, String refusedToken) {
            refreshes.incrementAndGet();
            return Mono.fromCallable(this::next);
        }

        private String next() {
            return refused.getAndDecrement() > 0
                    ? "ended-" + UUID.randomUUID()
                    : microsoft.issueAccessToken(clientId, address, scope);
        }
    }
}
