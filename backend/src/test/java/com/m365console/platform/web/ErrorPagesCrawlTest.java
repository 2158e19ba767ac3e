package com.m365console.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.CuttingProxy;
import com.m365console.support.IntegrationTest;
import com.m365console.support.MicrosoftSignInBrowser;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the error paths of sign-in and mailbox connection as a browser does, one redirect at a time, and fails on any
 * 5xx or Whitelabel page on the way: every walk must end on the SPA's page, whose message the test reads back as the
 * SPA does. Microsoft's login host sits behind a proxy the test can make unreachable.
 */
@IntegrationTest
class ErrorPagesCrawlTest {

    static final String SECRET = "Crw8Q~" + UUID.randomUUID().toString().replace("-", "");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final FakeMicrosoftIdentityPlatform microsoft = FakeMicrosoftIdentityPlatform.start();
    static final CuttingProxy loginHost =
            new CuttingProxy("127.0.0.1", URI.create(microsoft.authority()).getPort());

    @DynamicPropertySource
    static void microsoftBehindAProxy(DynamicPropertyRegistry registry) {
        registry.add("m365.microsoft.authority-host", () -> "http://127.0.0.1:" + loginHost.port());
        registry.add("m365.mail.imap.host", () -> "127.0.0.1");
        registry.add("m365.mail.imap.port", () -> "1");
        registry.add("m365.sync.push.enabled", () -> "false");
    }

    @AfterAll
    static void stop() throws Exception {
        loginHost.close();
        microsoft.close();
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    /** Jane's Microsoft account, in a tenant of each test's own (Microsoft's discovery answer is cached per tenant). */
    String jane;

    @BeforeEach
    void registerApp() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        accounts.create("jane", "USER");
        String tenant = UUID.randomUUID().toString();
        String domain = "t" + tenant.substring(0, 8) + ".example.com";
        jane = "jane@" + domain;
        microsoft.addTenant(tenant, domain).addAccount(tenant, UUID.randomUUID().toString(), jane, "Jane Doe");
        db.sql("update app_user set email = :email where username = 'jane'")
                .bind("email", jane)
                .then()
                .block();
        String clientId = UUID.randomUUID().toString();
        microsoft.registerApp(clientId, SECRET, tenant, false, sessions.baseUrl() + "/login/oauth2/code/microsoft");
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .document("mutation($input: UpdateMicrosoftSettingsInput!) { updateMicrosoftSettings(input: $input) "
                        + "{ errors { message } } }")
                .variable(
                        "input",
                        Map.of(
                                "clientId", Map.of("value", clientId),
                                "clientSecret", Map.of("replaceWith", SECRET),
                                "tenant", Map.of("value", tenant),
                                "signInEnabled", Map.of("value", true),
                                "emailSyncEnabled", Map.of("value", true)))
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @AfterEach
    void reachableAgain() {
        loginHost.reset();
    }

    @Test
    void signInWithMicrosoftUnreachableFromTheStartExplainsItOnTheSignInPage() {
        unreachable();
        Browser browser = new Browser(null);

        assertThat(browser.walk(HttpMethod.GET, "/oauth2/authorization/microsoft"))
                .isEqualTo("/login?error=microsoft");

        Map<String, Object> error = browser.signInError();
        assertThat(error).containsEntry("error", "microsoft_unreachable");
        assertThat((String) error.get("message"))
                .contains("could not be reached")
                .contains("127.0.0.1:" + loginHost.port())
                .contains("Try again");
    }

    @Test
    void signInWhoseTokenRequestFindsMicrosoftGoneExplainsItOnTheSignInPage() {
        Browser browser = new Browser(null);
        URI back = browser.consentAtMicrosoft(browser.walkOne(HttpMethod.GET, "/oauth2/authorization/microsoft"));
        unreachable();

        assertThat(browser.walk(HttpMethod.GET, back.toString())).isEqualTo("/login?error=microsoft");
        assertThat(browser.signInError()).containsEntry("error", "microsoft_unreachable");
    }

    @Test
    void signInErrorRedirectsAndBadCallbacksEndOnTheSignInPageWithAReason() {
        Browser refused = new Browser(null);
        String state = state(refused.walkOne(HttpMethod.GET, "/oauth2/authorization/microsoft"));
        assertThat(refused.walk(
                        HttpMethod.GET,
                        "/login/oauth2/code/microsoft?error=access_denied&error_description=AADSTS65004%3A+User+"
                                + "declined+to+consent&state=" + state))
                .isEqualTo("/login?error=microsoft");
        assertThat((String) refused.signInError().get("message")).contains("declined to consent");

        for (String callback : new String[] {
            "/login/oauth2/code/microsoft?code=garbage",
            "/login/oauth2/code/microsoft?state=unknown-state&code=garbage",
            "/login/oauth2/code/microsoft",
            "/login/oauth2/code/other?state=x&code=y"
        }) {
            Browser browser = new Browser(null);
            assertThat(browser.walk(HttpMethod.GET, callback)).as(callback).isEqualTo("/login?error=microsoft");
            assertThat((String) browser.signInError().get("message"))
                    .as(callback)
                    .isNotBlank();
        }

        Browser garbage = new Browser(null);
        String garbageState = state(garbage.walkOne(HttpMethod.GET, "/oauth2/authorization/microsoft"));
        assertThat(garbage.walk(HttpMethod.GET, "/login/oauth2/code/microsoft?code=garbage&state=" + garbageState))
                .isEqualTo("/login?error=microsoft");
        assertThat(garbage.signInError()).containsEntry("error", "invalid_grant");

        Browser replaying = new Browser(null);
        URI back = replaying.consentAtMicrosoft(replaying.walkOne(HttpMethod.GET, "/oauth2/authorization/microsoft"));
        assertThat(replaying.walk(HttpMethod.GET, back.toString())).isEqualTo("/");
        Browser thief = new Browser(null);
        assertThat(thief.walk(HttpMethod.GET, back.toString())).isEqualTo("/login?error=microsoft");
        assertThat(thief.signInError()).containsEntry("error", "authorization_request_not_found");
    }

    @Test
    void mailboxConnectionFailuresEndOnTheMailboxesPageWithAReason() {
        Browser jane = new Browser(sessions.signIn("jane", TestAccounts.PASSWORD));

        URI back = jane.consentAtMicrosoft(jane.startMailboxConnection());
        unreachable();
        assertThat(jane.walk(HttpMethod.GET, back.toString())).isEqualTo("/mailboxes?connection=done");
        assertThat(jane.connectionError()).containsEntry("error", "microsoft_unreachable");
        loginHost.reset();

        URI cancelled = jane.declineAtMicrosoft(jane.startMailboxConnection());
        assertThat(jane.walk(HttpMethod.GET, cancelled.toString())).isEqualTo("/mailboxes?connection=done");
        assertThat((String) jane.connectionError().get("message")).isNotBlank();

        String state = state(jane.startMailboxConnection());
        assertThat(jane.walk(HttpMethod.GET, "/login/oauth2/code/microsoft?code=garbage&state=" + state))
                .isEqualTo("/mailboxes?connection=done");
        assertThat(jane.connectionError()).containsEntry("error", "invalid_grant");

        URI connected = jane.consentAtMicrosoft(jane.startMailboxConnection());
        assertThat(jane.walk(HttpMethod.GET, connected.toString())).isEqualTo("/mailboxes?connection=done");
        assertThat(jane.connectionError()).isNull();
        assertThat(jane.walk(HttpMethod.GET, connected.toString())).isEqualTo("/mailboxes?connection=done");
        assertThat(jane.connectionError()).containsEntry("error", "authorization_request_not_found");

        assertThat(jane.walk(HttpMethod.GET, "/login/oauth2/code/microsoft?state=unknown&code=x"))
                .isEqualTo("/mailboxes?connection=done");
        assertThat((String) jane.connectionError().get("message")).contains("Connect again");
    }

    @Test
    void unknownServerPathsAndWrongMethodsEndOnTheSpasErrorPage() {
        Browser browser = new Browser(null);
        assertThat(browser.walk(HttpMethod.GET, "/oauth2/nothing")).isEqualTo("/error?status=404");
        assertThat(browser.walk(HttpMethod.GET, "/login/oauth2/nothing")).isEqualTo("/error?status=404");
        assertThat(browser.walk(HttpMethod.GET, "/no-such-file.php")).isEqualTo("/error?status=404");
        assertThat(browser.walk(HttpMethod.GET, "/assets/missing.js")).isEqualTo("/error?status=404");
        assertThat(browser.walk(HttpMethod.PUT, "/login")).startsWith("/error?status=4");
        assertThat(browser.walk(HttpMethod.DELETE, "/")).startsWith("/error?status=4");
        assertThat(browser.walk(HttpMethod.GET, "/error?status=404")).isEqualTo("/error?status=404");

        sessions.client()
                .get()
                .uri("/oauth2/nothing")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    private void unreachable() {
        loginHost.dropEveryConnection(true);
        loginHost.cutOpenConnections();
    }

    private static String state(URI authorize) {
        for (String pair : authorize.getRawQuery().split("&")) {
            if (pair.startsWith("state=")) {
                return pair.substring("state=".length());
            }
        }
        throw new AssertionError("no state in " + authorize);
    }

    /** A browser with its cookies, walking redirects itself and checking every page it is shown. */
    private final class Browser {

        private final Map<String, String> cookies = new HashMap<>();
        private final MicrosoftSignInBrowser microsoftPage = new MicrosoftSignInBrowser(sessions);

        Browser(Sessions.Browser signedIn) {
            if (signedIn != null) {
                cookies.put("SESSION", signedIn.session());
                cookies.put("XSRF-TOKEN", signedIn.csrf());
            } else {
                cookies.put("XSRF-TOKEN", sessions.anonymous().csrf());
            }
        }

        /** Follows the app's redirects from the request; answers the SPA page it ends on (path and query). */
        String walk(HttpMethod method, String uri) {
            String at = uri;
            HttpMethod next = method;
            for (int hop = 0; hop < 6; hop++) {
                EntityExchangeResult<byte[]> page = request(next, at);
                URI location = page.getResponseHeaders().getLocation();
                if (location == null) {
                    assertThat(page.getStatus().value()).as(next + " " + at).isEqualTo(200);
                    assertThat(body(page)).as("the SPA at " + at).contains("<div id=\"root\">");
                    return at;
                }
                assertThat(location.getHost())
                        .as("redirect of " + at + " stays in the app")
                        .isNull();
                at = location.toString();
                next = HttpMethod.GET;
            }
            throw new AssertionError("more than 6 redirects from " + uri);
        }

        /** One request that must redirect (to Microsoft, say); answers where to. */
        URI walkOne(HttpMethod method, String uri) {
            URI location = request(method, uri).getResponseHeaders().getLocation();
            assertThat(location).as(uri + " redirects").isNotNull();
            return location;
        }

        URI consentAtMicrosoft(URI authorize) {
            return microsoftPage.consent(authorize, jane, true);
        }

        URI declineAtMicrosoft(URI authorize) {
            return microsoftPage.consent(authorize, jane, false);
        }

        URI startMailboxConnection() {
            return URI.create(graphQl()
                    .documentName("startMailboxConnection")
                    .variable("input", Map.of())
                    .execute()
                    .path("startMailboxConnection.authorizationUrl")
                    .entity(String.class)
                    .get());
        }

        /** The explanation the sign-in page shows (read once, as the SPA does). */
        Map<String, Object> signInError() {
            Map<String, Object> options = object(
                    query("{ signInOptions { lastError { error message } } }").get("signInOptions"));
            return object(options.get("lastError"));
        }

        /** The explanation the Mailboxes page shows after a connection came back (read once, as the SPA does). */
        Map<String, Object> connectionError() {
            Map<String, Object> last =
                    object(query("{ lastMailboxConnection { mailbox { id } error { error message } } }")
                            .get("lastMailboxConnection"));
            assertThat(last).as("the outcome of the connection").isNotNull();
            return object(last.get("error"));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> object(Object json) {
            return (Map<String, Object>) json;
        }

        private Map<String, Object> query(String document) {
            byte[] body = client().post()
                    .uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", document))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            Map<String, Object> response = object(JSON.readValue(body, Map.class));
            assertThat(response.get("errors"))
                    .as(new String(body, StandardCharsets.UTF_8))
                    .isNull();
            return object(response.get("data"));
        }

        private EntityExchangeResult<byte[]> request(HttpMethod method, String uri) {
            EntityExchangeResult<byte[]> result = client().method(method)
                    .uri(URI.create(sessions.baseUrl()).resolve(uri))
                    .accept(MediaType.TEXT_HTML, MediaType.valueOf("application/xhtml+xml"), MediaType.ALL)
                    .exchange()
                    .expectBody()
                    .returnResult();
            assertThat(result.getStatus().is5xxServerError())
                    .as(method + " " + uri + " answered " + result.getStatus() + ": " + body(result))
                    .isFalse();
            assertThat(body(result)).as(method + " " + uri).doesNotContainIgnoringCase("Whitelabel");
            result.getResponseCookies()
                    .forEach((name, values) -> values.forEach(cookie -> {
                        if (cookie.getMaxAge().isZero()) {
                            cookies.remove(name);
                        } else {
                            cookies.put(name, cookie.getValue());
                        }
                    }));
            return result;
        }

        private WebTestClient client() {
            return sessions.client()
                    .mutate()
                    .defaultCookies(jar -> cookies.forEach(jar::add))
                    .defaultHeader("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                    .defaultHeader(HttpHeaders.USER_AGENT, "ErrorPagesCrawlTest")
                    .build();
        }

        private HttpGraphQlTester graphQl() {
            return HttpGraphQlTester.create(
                    client().mutate().baseUrl(sessions.baseUrl() + "/graphql").build());
        }

        private String body(EntityExchangeResult<byte[]> result) {
            return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        }
    }
}
