package com.m365console.testsupport.microsoft.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Graph look-alike over real HTTP, as Microsoft Graph's documentation describes each path and answer. */
class FakeGraphTest {

    static final String CONTOSO = "5f1c2b3a-0d4e-4f6a-9b8c-7d6e5f4a3b2c";
    static final String CLIENT = "11111111-2222-4333-8444-555555555555";
    static final String SECRET = "s3cr3t~value";
    static final String ADELE = "adele@contoso.com";
    static final String SHARED = "support@contoso.com";
    static final String MAIL = "offline_access https://graph.microsoft.com/Mail.ReadWrite";

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    FakeMicrosoftIdentityPlatform platform;
    FakeGraph graph;
    FakeMailbox adele;
    String base;
    String token;

    @BeforeEach
    void start() {
        platform = FakeMicrosoftIdentityPlatform.start()
                .addTenant(CONTOSO, "contoso.com")
                .registerApp(CLIENT, SECRET, CONTOSO, false, "http://localhost/cb")
                .addAccount(CONTOSO, "0a0b0c0d-0000-4000-8000-000000000001", ADELE, "Adele Vance")
                .addAccount(CONTOSO, "0a0b0c0d-0000-4000-8000-000000000003", "megan@contoso.com", "Megan Bowen");
        graph = platform.graph();
        adele = graph.mailbox(ADELE);
        base = platform.graphHost() + "/v1.0";
        token = platform.issueAccessToken(CLIENT, ADELE, MAIL);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void mailFoldersArePagedByTenWithWellKnownNamesAndChildFolders() {
        String inbox = adele.folderId("inbox");
        String projects = adele.addFolder(inbox, "Projects");
        adele.addFolder(projects, "2026");
        for (String name : List.of("Receipts", "Travel", "Newsletters", "Family")) {
            adele.addFolder(adele.folderId("msgfolderroot"), name);
        }
        adele.addFolder(adele.folderId("msgfolderroot"), "Clutter", true);
        adele.add(inbox, SeedMessage.of("Unread", "dana@contoso.com"));
        adele.add(inbox, SeedMessage.of("Read", "dana@contoso.com").read(true));

        JsonNode first = get(base + "/me/mailFolders", token).body;
        assertThat(first.get("value")).hasSize(10);
        String next = first.get("@odata.nextLink").asString();
        assertThat(next).startsWith(base + "/me/mailFolders?").contains("$skip=10");
        JsonNode second = get(next, token).body;
        assertThat(second.get("value")).hasSize(1);
        assertThat(second.has("@odata.nextLink")).isFalse();
        List<String> names = new ArrayList<>();
        first.get("value").forEach(f -> names.add(f.get("displayName").asString()));
        second.get("value").forEach(f -> names.add(f.get("displayName").asString()));
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "Archive",
                        "Deleted Items",
                        "Drafts",
                        "Inbox",
                        "Junk Email",
                        "Outbox",
                        "Sent Items",
                        "Receipts",
                        "Travel",
                        "Newsletters",
                        "Family");
        assertThat(get(base + "/me/mailFolders?includeHiddenFolders=true&$top=20", token)
                        .body
                        .get("value"))
                .hasSize(12);

        Reply small = get(base + "/me/mailFolders", token, "Prefer", "odata.maxpagesize=4");
        assertThat(small.body.get("value")).hasSize(4);
        assertThat(small.headers.firstValue("Preference-Applied")).contains("odata.maxpagesize=4");

        JsonNode inboxJson = get(base + "/me/mailFolders/Inbox", token).body;
        assertThat(inboxJson.get("id").asString()).isEqualTo(inbox);
        assertThat(inboxJson.get("displayName").asString()).isEqualTo("Inbox");
        assertThat(inboxJson.get("childFolderCount").asInt()).isEqualTo(1);
        assertThat(inboxJson.get("totalItemCount").asInt()).isEqualTo(2);
        assertThat(inboxJson.get("unreadItemCount").asInt()).isEqualTo(1);
        for (String wellKnown : List.of("sentitems", "deleteditems", "junkemail", "archive")) {
            assertThat(get(base + "/me/mailFolders/" + wellKnown, token).status).isEqualTo(200);
        }
        JsonNode children = get(base + "/users/" + ADELE + "/mailFolders/" + inbox + "/childFolders", token).body;
        assertThat(children.get("value")).singleElement().satisfies(child -> {
            assertThat(child.get("displayName").asString()).isEqualTo("Projects");
            assertThat(child.get("parentFolderId").asString()).isEqualTo(inbox);
            assertThat(child.get("childFolderCount").asInt()).isEqualTo(1);
        });
        Reply missing = get(base + "/me/mailFolders/AAMkADnothing=", token);
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.body.at("/error/code").asString()).isEqualTo("ErrorItemNotFound");
    }

    @Test
    void deltaPagesTheFolderThenGivesOnlyChanges() {
        String inbox = adele.folderId("inbox");
        List<String> seeded = IntStream.range(0, 5)
                .mapToObj(i -> adele.add(
                        inbox,
                        SeedMessage.of("Message " + i, "dana@contoso.com").text("Body " + i)))
                .toList();
        adele.add(adele.folderId("sentitems"), SeedMessage.of("Elsewhere", ADELE));

        String url = base + "/me/mailFolders/" + inbox + "/messages/delta?$select=subject,isRead,flag";
        List<JsonNode> entries = new ArrayList<>();
        List<String> links = new ArrayList<>();
        JsonNode page;
        do {
            page = get(url, token, "Prefer", "odata.maxpagesize=2").body;
            assertThat(page.get("value").size()).isLessThanOrEqualTo(2);
            page.get("value").forEach(entries::add);
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asString() : null;
            links.add(url);
        } while (url != null);
        assertThat(links).hasSize(3);
        assertThat(entries).extracting(e -> e.get("id").asString()).containsExactlyElementsOf(seeded);
        assertThat(entries.get(0).properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("@odata.type", "@odata.etag", "id", "subject", "isRead", "flag");
        String deltaLink = page.get("@odata.deltaLink").asString();
        assertThat(deltaLink).startsWith(base + "/me/mailFolders('" + inbox + "')/messages/delta?$deltatoken=");

        JsonNode again = get(links.get(0), token, "Prefer", "odata.maxpagesize=2").body;
        assertThat(again.get("value"))
                .extracting(e -> e.get("id").asString())
                .containsExactlyElementsOf(seeded.subList(2, 4));

        String added = adele.add(inbox, SeedMessage.of("New", "megan@contoso.com"));
        adele.delete(seeded.get(0));
        adele.markRead(seeded.get(1), true);
        adele.flag(seeded.get(2), "flagged");
        adele.move(seeded.get(3), adele.folderId("archive"));

        JsonNode changes = get(deltaLink, token).body;
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        changes.get("value").forEach(e -> byId.put(e.get("id").asString(), e));
        assertThat(byId).containsOnlyKeys(added, seeded.get(0), seeded.get(1), seeded.get(2), seeded.get(3));
        assertThat(byId.get(added).get("subject").asString()).isEqualTo("New");
        assertThat(byId.get(seeded.get(0)).at("/@removed/reason").asString()).isEqualTo("deleted");
        assertThat(byId.get(seeded.get(3)).at("/@removed/reason").asString()).isEqualTo("deleted");
        assertThat(byId.get(seeded.get(1)).get("isRead").asBoolean()).isTrue();
        assertThat(byId.get(seeded.get(2)).at("/flag/flagStatus").asString()).isEqualTo("flagged");
        assertThat(byId.get(seeded.get(1)).has("body"))
                .as("$select kept in the token")
                .isFalse();

        JsonNode nothing = get(changes.get("@odata.deltaLink").asString(), token).body;
        assertThat(nothing.get("value")).isEmpty();
    }

    @Test
    void expiredDeltaTokensAreGoneWithSyncStateNotFound() {
        String inbox = adele.folderId("inbox");
        adele.add(inbox, SeedMessage.of("One", "dana@contoso.com"));
        String deltaLink = get(base + "/me/mailFolders/inbox/messages/delta", token)
                .body
                .get("@odata.deltaLink")
                .asString();
        graph.expireDeltaTokens();

        Reply gone = get(deltaLink, token);
        assertThat(gone.status).isEqualTo(410);
        assertThat(gone.body.at("/error/code").asString()).isEqualTo("SyncStateNotFound");
        assertThat(get(base + "/me/mailFolders/inbox/messages/delta", token)
                        .body
                        .get("value"))
                .hasSize(1);
    }

    @Test
    void throttledRequestsAnswer429WithRetryAfterAndGraphsErrorJson() {
        graph.throttleAfter(1, 2, Duration.ofSeconds(7));
        assertThat(get(base + "/me/mailFolders", token).status).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            Reply throttled = get(
                    base + "/me/mailFolders", token, "client-request-id", "c0ffee00-0000-4000-8000-00000000000" + i);
            assertThat(throttled.status).isEqualTo(429);
            assertThat(throttled.headers.firstValue("Retry-After")).contains("7");
            assertThat(throttled.body.at("/error/code").asString()).isEqualTo("ApplicationThrottled");
            assertThat(throttled.body.at("/error/innerError/client-request-id").asString())
                    .endsWith("0" + i);
            assertThat(throttled.body.at("/error/innerError/request-id").asString())
                    .matches("[0-9a-f-]{36}");
            assertThat(throttled.body.at("/error/innerError/date").asString())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        }
        assertThat(get(base + "/me/mailFolders", token).status).isEqualTo(200);
        graph.unavailableNext(1, Duration.ofSeconds(3));
        Reply unavailable = get(base + "/me/mailFolders", token);
        assertThat(unavailable.status).isEqualTo(503);
        assertThat(unavailable.headers.firstValue("Retry-After")).contains("3");
    }

    @Test
    void tokensAreCheckedForAudienceLifetimeRevocationAndMailPermissions() {
        assertThat(code(get(base + "/me/mailFolders", null))).isEqualTo("401 InvalidAuthenticationToken");
        assertThat(code(get(base + "/me/mailFolders", "not-a-token"))).isEqualTo("401 InvalidAuthenticationToken");
        String outlook = platform.issueAccessToken(CLIENT, ADELE, "https://outlook.office.com/IMAP.AccessAsUser.All");
        Reply foreign = get(base + "/me/mailFolders", outlook);
        assertThat(code(foreign)).isEqualTo("401 InvalidAuthenticationToken");
        assertThat(foreign.body.at("/error/message").asString()).contains("Invalid audience");
        String userRead = platform.issueAccessToken(CLIENT, ADELE, "User.Read");
        assertThat(code(get(base + "/me/mailFolders", userRead))).isEqualTo("403 ErrorAccessDenied");
        assertThat(get(base + "/me/mailFolders", platform.issueAccessToken(CLIENT, ADELE, "Mail.Read")).status)
                .isEqualTo(200);

        graph.mailbox(SHARED);
        assertThat(code(get(base + "/users/" + SHARED + "/mailFolders", token))).isEqualTo("403 ErrorAccessDenied");
        graph.mailbox(SHARED).allowDelegate(ADELE);
        assertThat(code(get(base + "/users/" + SHARED + "/mailFolders", token))).isEqualTo("403 ErrorAccessDenied");
        String shared = platform.issueAccessToken(CLIENT, ADELE, "https://graph.microsoft.com/Mail.ReadWrite.Shared");
        assertThat(get(base + "/users/" + SHARED + "/mailFolders", shared).status)
                .isEqualTo(200);
        assertThat(code(get(base + "/users/nobody@contoso.com/mailFolders", token)))
                .isEqualTo("404 ErrorInvalidUser");
        String megan = platform.issueAccessToken(CLIENT, "megan@contoso.com", MAIL);
        assertThat(code(get(base + "/me/mailFolders", megan))).isEqualTo("404 MailboxNotEnabledForRESTAPI");
        graph.mailbox(SHARED).disableRest();
        assertThat(code(get(base + "/users/" + SHARED + "/mailFolders", shared)))
                .isEqualTo("404 MailboxNotEnabledForRESTAPI");

        String appOnly = appToken();
        assertThat(code(get(base + "/me/mailFolders", appOnly))).isEqualTo("400 BadRequest");
        assertThat(code(get(base + "/users/" + ADELE + "/mailFolders", appOnly)))
                .isEqualTo("403 ErrorAccessDenied");
        graph.grantApplicationPermission(CLIENT, "Mail.ReadWrite");
        assertThat(get(base + "/users/" + ADELE + "/mailFolders", appOnly).status)
                .isEqualTo(200);

        platform.revokeGrants(ADELE);
        Reply revoked = get(base + "/me/mailFolders", token);
        assertThat(code(revoked)).isEqualTo("401 InvalidAuthenticationToken");
        assertThat(revoked.body.at("/error/message").asString()).contains("TokenIssuedBeforeRevocationTimestamp");
        platform.expireAccessTokens();
        assertThat(get(base + "/users/" + ADELE + "/mailFolders", appOnly)
                        .body
                        .at("/error/message")
                        .asString())
                .contains("expired");
    }

    @Test
    void batchAnswersEachRequestByIdWithItsOwnStatus() {
        String inbox = adele.folderId("inbox");
        String withFiles = adele.add(
                inbox, SeedMessage.of("Files", "dana@contoso.com").attachment("a.pdf", "application/pdf", 1234));
        graph.throttleAfter(2, 1, Duration.ofSeconds(5));
        String body = "{\"requests\":["
                + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me/mailFolders/inbox?$select=id,displayName\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"me/messages/" + withFiles + "/attachments\"},"
                + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/me/mailFolders/sentitems\"},"
                + "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/me/mailFolders/AAMkADnothing=\"}]}";
        Reply batch = post(base + "/$batch", token, body);
        assertThat(batch.status).isEqualTo(200);
        JsonNode responses = batch.body.get("responses");
        assertThat(responses)
                .extracting(r -> r.get("id").asString() + " " + r.get("status").asInt())
                .containsExactly("1 200", "2 200", "3 429", "4 404");
        assertThat(responses.get(0).at("/body/id").asString()).isEqualTo(inbox);
        assertThat(responses.get(0).get("body").has("totalItemCount")).isFalse();
        assertThat(responses.get(1).at("/body/value/0/name").asString()).isEqualTo("a.pdf");
        assertThat(responses.get(1).at("/body/value/0/size").asInt()).isEqualTo(1234);
        assertThat(responses.get(2).at("/headers/Retry-After").asString()).isEqualTo("5");
        assertThat(graph.requests()).filteredOn(RecordedRequest::batched).hasSize(4);

        String tooMany = IntStream.range(0, 21)
                .mapToObj(i -> "{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/me/mailFolders\"}")
                .collect(java.util.stream.Collectors.joining(",", "{\"requests\":[", "]}"));
        assertThat(code(post(base + "/$batch", token, tooMany))).isEqualTo("400 BadRequest");
        assertThat(post(base + "/$batch", null, body)
                        .body
                        .at("/responses/0/status")
                        .asInt())
                .isEqualTo(401);
    }

    @Test
    void controlEndpointsSeedThrottleAndExpireForTestsInOtherProcesses() {
        assertThat(control(
                        "graph-messages",
                        "{\"address\":\"" + ADELE + "\",\"subject\":\"From Node\",\"from\":\"dana@contoso.com\"}"))
                .isEqualTo(204);
        Reply first = get(base + "/me/mailFolders/inbox/messages/delta?$select=subject", token);
        assertThat(first.headers.firstValue("request-id")).isPresent();
        assertThat(first.body.at("/value/0/subject").asString()).isEqualTo("From Node");

        assertThat(control("graph-throttle", "{\"count\":1,\"retryAfter\":4}")).isEqualTo(204);
        Reply throttled = get(base + "/me/mailFolders", token);
        assertThat(throttled.status).isEqualTo(429);
        assertThat(throttled.headers.firstValue("Retry-After")).contains("4");

        assertThat(control("graph-expire-delta-tokens", "{}")).isEqualTo(204);
        assertThat(get(first.body.get("@odata.deltaLink").asString(), token).status)
                .isEqualTo(410);
    }

    private int control(String action, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.authority() + "/_fake/" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, java.net.http.HttpHeaders headers, JsonNode body) {}

    private static String code(Reply reply) {
        return reply.status + " " + reply.body.at("/error/code").asString();
    }

    private Reply get(String url, String bearer, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        return send(request, bearer, headers);
    }

    private Reply post(String url, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, bearer);
    }

    private Reply send(HttpRequest.Builder request, String bearer, String... headers) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), json.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String appToken() {
        String form = "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret="
                + URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(platform.authority() + "/" + CONTOSO + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("access_token")
                    .asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
