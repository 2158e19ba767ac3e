package com.m365console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.m365console.mail.MailAddress;
import com.m365console.microsoft.Cloud;
import com.m365console.microsoft.MicrosoftEndpoints;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import com.m365console.testsupport.microsoft.graph.FakeGraph;
import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.RecordedRequest;
import com.m365console.testsupport.microsoft.graph.SeedMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The Graph mail client against the Graph look-alike over real HTTP: folders, delta rounds, throttling, errors. */
class GraphMailClientTest {

    static final String CONTOSO = "5f1c2b3a-0d4e-4f6a-9b8c-7d6e5f4a3b2c";
    static final String CLIENT = "11111111-2222-4333-8444-555555555555";
    static final String SECRET = "s3cr3t~value";
    static final String ADELE = "adele@contoso.com";
    static final String MAIL = "offline_access https://graph.microsoft.com/Mail.ReadWrite";
    static final GraphMailbox ME = GraphMailbox.me(Cloud.GLOBAL);

    FakeMicrosoftIdentityPlatform platform;
    FakeGraph graph;
    FakeMailbox adele;
    String inbox;
    String token;
    GraphMailClient client;

    @BeforeEach
    void start() {
        platform = FakeMicrosoftIdentityPlatform.start()
                .addTenant(CONTOSO, "contoso.com")
                .registerApp(CLIENT, SECRET, CONTOSO, false, "http://localhost/cb")
                .addAccount(CONTOSO, "0a0b0c0d-0000-4000-8000-000000000001", ADELE, "Adele Vance");
        graph = platform.graph();
        adele = graph.mailbox(ADELE);
        inbox = adele.folderId("inbox");
        token = platform.issueAccessToken(CLIENT, ADELE, MAIL);
        client = client(
                new GraphProperties(2, 3, 3, Duration.ofSeconds(5), Duration.ofSeconds(10), null, null, null, null));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void foldersGiveTheTreeWithWellKnownNamesAcrossPages() {
        String projects = adele.addFolder(inbox, "Projects");
        adele.addFolder(projects, "2026");
        adele.addFolder(inbox, "Receipts");
        adele.addFolder(adele.folderId("msgfolderroot"), "Travel");
        adele.addFolder(adele.folderId("msgfolderroot"), "Clutter", true);

        List<GraphFolder> roots = client.folders(token, ME).block();

        assertThat(roots)
                .extracting(GraphFolder::displayName)
                .containsExactly(
                        "Archive", "Deleted Items", "Drafts", "Inbox", "Junk Email", "Outbox", "Sent Items", "Travel");
        Map<String, String> wellKnown = roots.stream()
                .filter(f -> f.wellKnownName() != null)
                .collect(Collectors.toMap(GraphFolder::displayName, GraphFolder::wellKnownName));
        assertThat(wellKnown)
                .containsOnly(
                        Map.entry("Inbox", "inbox"),
                        Map.entry("Sent Items", "sentitems"),
                        Map.entry("Deleted Items", "deleteditems"),
                        Map.entry("Junk Email", "junkemail"),
                        Map.entry("Archive", "archive"));
        GraphFolder inboxFolder = roots.get(3);
        assertThat(inboxFolder.id()).isEqualTo(inbox);
        assertThat(inboxFolder.withDescendants())
                .extracting(GraphFolder::path)
                .containsExactly("Inbox", "Inbox/Projects", "Inbox/Projects/2026", "Inbox/Receipts");
        assertThat(inboxFolder.children().get(0).children().get(0).parentId()).isEqualTo(projects);

        List<RecordedRequest> wire =
                graph.requests().stream().filter(r -> !r.batched()).toList();
        assertThat(wire).filteredOn(r -> r.path().endsWith("/$batch")).hasSize(1);
        assertThat(graph.requests()).filteredOn(RecordedRequest::batched).hasSize(5);
        assertThat(wire).filteredOn(r -> r.path().endsWith("/me/mailFolders")).hasSize(3);
        assertThat(wire).filteredOn(r -> r.path().endsWith("/childFolders")).hasSize(2);
    }

    @Test
    void firstDeltaIsExactAgainstTheSeededMessagesAcrossPages() {
        Instant received = Instant.parse("2026-03-02T09:15:00Z");
        List<SeedMessage> seeds = List.of(
                SeedMessage.of("Quarterly report", "dana@contoso.com")
                        .from("Dana Swope", "dana@contoso.com")
                        .to(ADELE, "megan@contoso.com")
                        .cc("lee@contoso.com")
                        .html("<p>Numbers attached</p>")
                        .attachment("q1.xlsx", "application/vnd.ms-excel", 48_213)
                        .receivedAt(received),
                SeedMessage.of("Re: lunch", "megan@contoso.com")
                        .to(ADELE)
                        .text("Noon works")
                        .read(true)
                        .flag("flagged")
                        .messageId("<lunch-2@contoso.com>")
                        .inReplyTo("<lunch-1@contoso.com>")
                        .receivedAt(received.plusSeconds(60)),
                SeedMessage.of("Done", "lee@contoso.com").flag("complete").receivedAt(received.plusSeconds(120)),
                SeedMessage.of("Fourth", "lee@contoso.com").receivedAt(received.plusSeconds(180)),
                SeedMessage.of("Fifth", "lee@contoso.com").receivedAt(received.plusSeconds(240)));
        List<String> ids = seeds.stream().map(seed -> adele.add(inbox, seed)).toList();
        adele.add(adele.folderId("sentitems"), SeedMessage.of("Not in the inbox", ADELE));

        List<DeltaPage> pages =
                client.delta(token, ME, inbox, null).collectList().block();

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(DeltaPage::last).containsExactly(false, false, true);
        assertThat(pages).allSatisfy(page -> assertThat(page.removedIds()).isEmpty());
        List<GraphMessage> messages =
                pages.stream().flatMap(p -> p.messages().stream()).toList();
        assertThat(messages).extracting(GraphMessage::id).containsExactlyElementsOf(ids);
        GraphMessage report = messages.get(0);
        assertThat(report.subject()).isEqualTo("Quarterly report");
        assertThat(report.from()).isEqualTo(new MailAddress("Dana Swope", "dana@contoso.com"));
        assertThat(report.to()).extracting(MailAddress::address).containsExactly(ADELE, "megan@contoso.com");
        assertThat(report.cc()).extracting(MailAddress::address).containsExactly("lee@contoso.com");
        assertThat(report.html()).isTrue();
        assertThat(report.body()).isEqualTo("<p>Numbers attached</p>");
        assertThat(report.hasAttachments()).isTrue();
        assertThat(report.read()).isFalse();
        assertThat(report.flag()).isEqualTo(GraphFlag.NOT_FLAGGED);
        assertThat(report.receivedDateTime()).isEqualTo(OffsetDateTime.ofInstant(received, ZoneOffset.UTC));
        assertThat(report.internetMessageId()).startsWith("<").endsWith("@contoso.com>");
        assertThat(report.parentFolderId()).isEqualTo(inbox);
        GraphMessage lunch = messages.get(1);
        assertThat(lunch.internetMessageId()).isEqualTo("<lunch-2@contoso.com>");
        assertThat(lunch.inReplyTo()).isEqualTo("<lunch-1@contoso.com>");
        assertThat(lunch.read()).isTrue();
        assertThat(lunch.flag()).isEqualTo(GraphFlag.FLAGGED);
        assertThat(lunch.html()).isFalse();
        assertThat(lunch.body()).isEqualTo("Noon works");
        assertThat(messages.get(2).flag()).isEqualTo(GraphFlag.COMPLETE);

        List<RecordedRequest> deltas = graph.requests().stream()
                .filter(r -> r.path().endsWith("/messages/delta"))
                .toList();
        assertThat(deltas)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.headers().get("prefer")).isEqualTo("odata.maxpagesize=2"));
        assertThat(deltas.get(0).query().get("$select")).contains("internetMessageHeaders", "body", "flag", "isRead");
    }

    @Test
    void incrementalDeltaGivesAdditionsRemovalsAndReadAndFlagChanges() {
        List<String> ids = seed(4);
        List<DeltaPage> first =
                client.delta(token, ME, inbox, null).collectList().block();
        DeltaCheckpoint checkpoint = first.get(first.size() - 1).next();
        assertThat(checkpoint.roundComplete()).isTrue();

        List<String> resumed = client.delta(token, ME, inbox, first.get(0).next())
                .flatMapIterable(DeltaPage::messages)
                .map(GraphMessage::id)
                .collectList()
                .block();
        assertThat(resumed).as("resumed from the first page's nextLink").containsExactlyElementsOf(ids.subList(2, 4));

        String added = adele.add(inbox, SeedMessage.of("Arrived later", "dana@contoso.com"));
        adele.delete(ids.get(0));
        adele.markRead(ids.get(1), true);
        adele.flag(ids.get(2), "flagged");
        adele.move(ids.get(3), adele.folderId("archive"));

        List<DeltaPage> changes =
                client.delta(token, ME, inbox, checkpoint).collectList().block();

        assertThat(changes.get(changes.size() - 1).last()).isTrue();
        Map<String, GraphMessage> changed = changes.stream()
                .flatMap(p -> p.messages().stream())
                .collect(Collectors.toMap(GraphMessage::id, Function.identity()));
        assertThat(changed).containsOnlyKeys(added, ids.get(1), ids.get(2));
        assertThat(changed.get(added).subject()).isEqualTo("Arrived later");
        assertThat(changed.get(ids.get(1)).read()).isTrue();
        assertThat(changed.get(ids.get(2)).flag()).isEqualTo(GraphFlag.FLAGGED);
        assertThat(changes.stream().flatMap(p -> p.removedIds().stream()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(3));

        DeltaCheckpoint after = changes.get(changes.size() - 1).next();
        List<DeltaPage> quiet =
                client.delta(token, ME, inbox, after).collectList().block();
        assertThat(quiet).singleElement().satisfies(page -> {
            assertThat(page.messages()).isEmpty();
            assertThat(page.removedIds()).isEmpty();
            assertThat(page.last()).isTrue();
        });
    }

    @Test
    void attachmentsComeByMessageInBatchesOfTwentyWithoutTheirContent() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            SeedMessage seed = SeedMessage.of("With files " + i, "dana@contoso.com");
            if (i % 2 == 0) {
                seed = seed.attachment("file" + i + ".pdf", "application/pdf", 1_000 + i);
            }
            ids.add(adele.add(inbox, seed));
        }
        String gone = ids.get(22);
        adele.delete(gone);

        Map<String, List<com.m365console.mail.Attachment>> attachments =
                client.attachments(token, ME, ids).block();

        assertThat(attachments).hasSize(22).doesNotContainKey(gone);
        assertThat(attachments.get(ids.get(4)))
                .containsExactly(new com.m365console.mail.Attachment("file4.pdf", "application/pdf", 1_004, false));
        assertThat(attachments.get(ids.get(5))).isEmpty();
        assertThat(graph.requests())
                .filteredOn(r -> !r.batched())
                .extracting(RecordedRequest::path)
                .containsExactly("/v1.0/$batch", "/v1.0/$batch");
        assertThat(graph.requests())
                .filteredOn(RecordedRequest::batched)
                .hasSize(23)
                .allSatisfy(r -> assertThat(r.query().get("$select")).isEqualTo("name,contentType,size,isInline"));
    }

    @Test
    void throttlingAndAnOutageMidDeltaAreWaitedOutWithNothingLost() {
        List<String> ids = seed(7);
        graph.throttleAfter(1, 1, Duration.ofSeconds(1));
        graph.unavailableNext(1, Duration.ofSeconds(1));

        long started = System.nanoTime();
        List<DeltaPage> pages =
                client.delta(token, ME, inbox, null).collectList().block();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(pages.stream().flatMap(p -> p.messages().stream()).map(GraphMessage::id))
                .containsExactlyElementsOf(ids);
        assertThat(pages).hasSize(4);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(graph.requests()).extracting(RecordedRequest::status).containsExactly(200, 429, 503, 200, 200, 200);
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsIsReportedAsThrottled() {
        seed(1);
        graph.throttleNext(1, Duration.ofMinutes(10));

        GraphException failure =
                failure(() -> client.delta(token, ME, inbox, null).blockLast());

        assertThat(failure.failure()).isEqualTo(GraphFailure.THROTTLED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(failure.getMessage()).contains("try again in 600 s", "HTTP 429 ApplicationThrottled", "request-id ");
        assertThat(graph.requests()).hasSize(1);
    }

    @Test
    void anExpiredDeltaTokenIsReportedAsResyncNeededAndAFreshRoundHasNoDuplicates() {
        List<String> ids = seed(3);
        List<DeltaPage> first =
                client.delta(token, ME, inbox, null).collectList().block();
        graph.expireDeltaTokens();

        GraphException gone = failure(() -> client.delta(
                        token, ME, inbox, first.get(first.size() - 1).next())
                .blockLast());

        assertThat(gone.failure()).isEqualTo(GraphFailure.RESYNC_NEEDED);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.code()).isEqualTo("SyncStateNotFound");
        assertThat(gone.getMessage()).contains("synchronised again from the start");
        assertThat(client.delta(token, ME, inbox, null)
                        .flatMapIterable(DeltaPage::messages)
                        .map(GraphMessage::id)
                        .collectList()
                        .block())
                .containsExactlyElementsOf(ids);
    }

    @Test
    void graphErrorsBecomeActionableFailuresWithoutTokens() {
        seed(1);
        GraphException denied = failure(() -> client.folders(platform.issueAccessToken(CLIENT, ADELE, "User.Read"), ME)
                .block());
        assertThat(denied.failure()).isEqualTo(GraphFailure.ACCESS_DENIED);
        assertThat(denied.code()).isEqualTo("ErrorAccessDenied");
        assertThat(denied.getMessage()).contains("Mail.ReadWrite", "Access is denied");

        DeltaCheckpoint checkpoint =
                client.delta(token, ME, inbox, null).blockLast().next();
        platform.revokeGrants(ADELE);
        GraphException refused =
                failure(() -> client.delta(token, ME, inbox, checkpoint).blockLast());
        assertThat(refused.failure()).isEqualTo(GraphFailure.TOKEN_REFUSED);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.requestId()).matches("[0-9a-f-]{36}");
        assertThat(refused.date()).isNotBlank();
        assertThat(refused.getMessage())
                .contains("reconnect the mailbox", "InvalidAuthenticationToken")
                .doesNotContain(token)
                .doesNotContain(checkpoint.url().substring(checkpoint.url().indexOf('=') + 1));

        String fresh = platform.issueAccessToken(CLIENT, ADELE, MAIL);
        adele.disableRest();
        GraphException notEnabled = failure(() -> client.folders(fresh, ME).block());
        assertThat(notEnabled.failure()).isEqualTo(GraphFailure.MAILBOX_NOT_ENABLED);
        assertThat(notEnabled.getMessage()).contains("IMAP/SMTP", "on-premises");

        GraphException unknown =
                failure(() -> client.folders(fresh, GraphMailbox.user(Cloud.GLOBAL, "nobody@contoso.com"))
                        .block());
        assertThat(unknown.failure()).isEqualTo(GraphFailure.NOT_FOUND);
        assertThat(unknown.code()).isEqualTo("ErrorInvalidUser");
    }

    @Test
    void aCheckpointOffTheGraphHostIsRefusedBeforeAnyRequest() {
        DeltaCheckpoint foreign = new DeltaCheckpoint(
                "https://elsewhere.example/v1.0/me/mailFolders('x')/messages/delta?$deltatoken=abc", true);

        GraphException refused =
                failure(() -> client.delta(token, ME, inbox, foreign).blockLast());

        assertThat(refused.failure()).isEqualTo(GraphFailure.RESYNC_NEEDED);
        assertThat(refused.getMessage()).doesNotContain("elsewhere.example").doesNotContain("abc");
        assertThat(graph.requests()).isEmpty();
    }

    @Test
    void anUnreachableGraphIsReportedAsUnavailable() {
        String host = platform.graphHost();
        platform.close();
        GraphMailClient noRetries = new GraphMailClient(
                new MicrosoftEndpoints("", host),
                WebClient.builder(),
                new GraphProperties(null, null, 0, null, null, null, null, null, null));

        GraphException down = failure(() -> noRetries.folders(token, ME).block());

        assertThat(down.failure()).isEqualTo(GraphFailure.UNAVAILABLE);
        assertThat(down.status()).isZero();
        assertThat(down.getMessage()).contains(host).doesNotContain(token);
    }

    @Test
    void aSharedMailboxIsReadWithTheApplicationsOwnPermission() {
        FakeMailbox support = graph.mailbox("support@contoso.com");
        String supportInbox = support.folderId("inbox");
        String ticket = support.add(supportInbox, SeedMessage.of("Printer on fire", "lee@contoso.com"));
        String appOnly = appToken();
        GraphMailbox shared = GraphMailbox.user(Cloud.GLOBAL, "support@contoso.com");

        assertThat(failure(() -> client.folders(appOnly, shared).block()).failure())
                .isEqualTo(GraphFailure.ACCESS_DENIED);
        graph.grantApplicationPermission(CLIENT, "Mail.ReadWrite");

        assertThat(client.folders(appOnly, shared).block())
                .filteredOn(f -> "inbox".equals(f.wellKnownName()))
                .singleElement()
                .extracting(GraphFolder::id)
                .isEqualTo(supportInbox);
        assertThat(client.delta(appOnly, shared, supportInbox, null)
                        .flatMapIterable(DeltaPage::messages)
                        .map(GraphMessage::id)
                        .collectList()
                        .block())
                .containsExactly(ticket);
        assertThat(graph.requests())
                .filteredOn(r -> r.path().contains("/users/support@contoso.com/"))
                .isNotEmpty();
    }

    private GraphMailClient client(GraphProperties properties) {
        return new GraphMailClient(new MicrosoftEndpoints("", platform.graphHost()), WebClient.builder(), properties);
    }

    private List<String> seed(int n) {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        List<String> ids = new ArrayList<>();
        IntStream.range(0, n)
                .forEach(i -> ids.add(adele.add(
                        inbox,
                        SeedMessage.of("Message " + i, "dana@contoso.com").receivedAt(at.plusSeconds(i)))));
        return ids;
    }

    private static GraphException failure(Runnable call) {
        GraphException failure = catchThrowableOfType(GraphException.class, call::run);
        assertThat(failure).as("a GraphException").isNotNull();
        return failure;
    }

    private String appToken() {
        return WebClient.create(platform.authority())
                .post()
                .uri("/" + CONTOSO + "/oauth2/v2.0/token")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData(
                                "grant_type", "client_credentials")
                        .with("client_id", CLIENT)
                        .with("client_secret", SECRET)
                        .with("scope", "https://graph.microsoft.com/.default"))
                .retrieve()
                .bodyToMono(tools.jackson.databind.JsonNode.class)
                .map(body -> body.get("access_token").asString())
                .block();
    }
}
