package com.m365console.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.settings.MicrosoftSettingsService;
import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With every logger at DEBUG or TRACE, sends canary secrets the way clients do (inline literals, variables with
 * names that say nothing such as $p and $x1, a whole input object in one variable, the sign-in form, a
 * mutation over the WebSocket) and proves the requests worked while no canary reached the log. The requests
 * go through the JDK's HTTP client, which logs nothing itself, so every line captured is the server's.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretLogCanaryTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    MicrosoftSettingsService settings;

    final Map<String, String> canaries = new java.util.LinkedHashMap<>();
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    @BeforeEach
    void accounts() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
    }

    @AfterEach
    void normalLogging() {
        logging().setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    private static LoggingSystem logging() {
        return LoggingSystem.get(SecretLogCanaryTest.class.getClassLoader());
    }

    @ParameterizedTest
    @EnumSource(
            value = LogLevel.class,
            names = {"DEBUG", "TRACE"})
    void noSecretReachesTheLogWhileTheRequestsWork(LogLevel level, CapturedOutput output) throws Exception {
        logging().setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, level);

        assertThat(signIn("alice", canary("wrong password")).statusCode()).isEqualTo(401);
        assertThat(signIn("alice", TestAccounts.PASSWORD).statusCode()).isEqualTo(200);

        assertThat(graphQl(
                        "mutation { updateMicrosoftSettings(input: {clientSecret: {replaceWith: \""
                                + canary("inline client secret") + "\"}}) { errors { code } } }",
                        Map.of()))
                .contains("\"errors\":[]");
        assertThat(settings.clientSecret().block()).isEqualTo(canaries.get("inline client secret"));

        assertThat(graphQl(
                        "mutation($p: String) { updateMicrosoftSettings(input: {clientSecret: {replaceWith: $p}})"
                                + " { errors { code } } }",
                        Map.of("p", canary("client secret in $p"))))
                .contains("\"errors\":[]");
        assertThat(settings.clientSecret().block()).isEqualTo(canaries.get("client secret in $p"));

        assertThat(graphQl(
                        "mutation($x1: String!, $n: String!) { createUser(input: {username: $n, password: $x1,"
                                + " role: USER}) { errors { code } } }",
                        Map.of("x1", canary("new user's password"), "n", "bob")))
                .contains("\"errors\":[]");

        assertThat(graphQl(
                        "mutation { changePassword(input: {currentPassword: \"" + TestAccounts.PASSWORD
                                + "\", newPassword: \"" + canary("inline new password") + "\"}) { errors { code } } }",
                        Map.of()))
                .contains("\"errors\":[]");

        assertThat(signIn("bob", canaries.get("new user's password")).statusCode())
                .isEqualTo(200);
        assertThat(graphQl(
                        "mutation($i: ChangePasswordInput!) { changePassword(input: $i) { errors { code } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "currentPassword",
                                        canaries.get("new user's password"),
                                        "newPassword",
                                        canary("new password in an input variable")))))
                .contains("\"errors\":[]");
        assertThat(signIn("bob", canaries.get("new password in an input variable"))
                        .statusCode())
                .isEqualTo(200);

        assertThat(signIn("alice", canaries.get("inline new password")).statusCode())
                .isEqualTo(200);
        String token = JSON.readTree(
                        graphQl("mutation { createApiToken(input: {name: \"canary\"}) { secret } }", Map.of()))
                .at("/data/createApiToken/secret")
                .asString();
        canaries.put("API token", token);
        assertThat(overWebSocket(
                        token,
                        "mutation($s: String) { updateMicrosoftSettings(input: {clientSecret: "
                                + "{replaceWith: $s}}) { errors { code } } }",
                        Map.of("s", canary("client secret over the socket"))))
                .contains("\"errors\":[]");
        assertThat(settings.clientSecret().block()).isEqualTo(canaries.get("client secret over the socket"));

        String log = output.getAll();
        assertThat(log).contains("Executing: document=");
        canaries.forEach((where, value) -> assertThat(log).as(where).doesNotContain(value));
    }

    private String canary(String where) {
        String value = "Canary" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        canaries.put(where, value);
        return value;
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        cookies.getCookieStore().removeAll();
        send(HttpRequest.newBuilder(uri("/")).GET());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private String graphQl(String document, Map<String, Object> variables) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** graphql-transport-ws by hand: connection_init with the token, one subscribe, its first answer. */
    private String overWebSocket(String token, String document, Map<String, Object> variables) throws Exception {
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(
                        URI.create(sessions.baseUrl().replace("http", "ws") + "/graphql"), new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    messages.add(text.toString());
                                    text.setLength(0);
                                }
                                webSocket.request(1);
                                return CompletableFuture.completedFuture(null);
                            }
                        })
                .get(5, TimeUnit.SECONDS);
        try {
            socket.sendText(
                            JSON.writeValueAsString(Map.of(
                                    "type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token))),
                            true)
                    .get(5, TimeUnit.SECONDS);
            assertThat(messages.poll(5, TimeUnit.SECONDS)).contains("connection_ack");
            socket.sendText(
                            JSON.writeValueAsString(Map.of(
                                    "id",
                                    "1",
                                    "type",
                                    "subscribe",
                                    "payload",
                                    Map.of("query", document, "variables", variables))),
                            true)
                    .get(5, TimeUnit.SECONDS);
            String next = messages.poll(5, TimeUnit.SECONDS);
            JsonNode message = JSON.readTree(next);
            assertThat(message.get("type").asString()).as(next).isEqualTo("next");
            return JSON.writeValueAsString(message.get("payload"));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
        List<HttpCookie> xsrf = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .toList();
        return xsrf.isEmpty() ? "" : xsrf.get(xsrf.size() - 1).getValue();
    }

    private URI uri(String path) {
        return URI.create(sessions.baseUrl() + path);
    }
}
