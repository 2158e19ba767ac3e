package com.m365console.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar as a process of its own beside the {@link BenchPeers}, driven over HTTP as a person and a script
 * would: signs in the first admin, saves Microsoft Settings, creates an API token, connects the peers' mailbox
 * through the identity platform's OAuth flow (over IMAP, or Microsoft Graph, whose host is the platform's too),
 * selects folders and runs syncMailbox to its end. Its database (the PostgreSQL of {@code M365_TEST_DATABASE_URL})
 * is emptied first; {@link #pid()} is for /proc readings.
 */
public final class JarApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "admin";

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final String baseUrl;
    private final BenchPeers.Addresses peers;
    private final String adminPassword;
    private final String clientId = UUID.randomUUID().toString();
    private final String clientSecret = "Bnc8Q~" + UUID.randomUUID().toString().replace("-", "");
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    /** The browser's client: keeps the session and CSRF cookies. */
    private final HttpClient http;
    /** A script's client: no cookies, the API token only. */
    private final HttpClient script = HttpClient.newHttpClient();

    private String apiToken;

    private JarApp(Process process, Path dataDir, int port, BenchPeers.Addresses peers, String adminPassword) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = dataDir.resolve("app.log");
        this.baseUrl = "http://localhost:" + port;
        this.peers = peers;
        this.adminPassword = adminPassword;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The database the app is given: {@code M365_TEST_DATABASE_URL} (r2dbc:postgresql://...), required. */
    public static String databaseUrl() {
        String url = System.getenv("M365_TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Set M365_TEST_DATABASE_URL (r2dbc:postgresql://host:port/db): "
                    + "the benchmark empties that database and gives it to the jar");
        }
        return url;
    }

    private static String databaseUser() {
        return System.getenv().getOrDefault("M365_TEST_DATABASE_USERNAME", "postgres");
    }

    private static String databasePassword() {
        return System.getenv().getOrDefault("M365_TEST_DATABASE_PASSWORD", "");
    }

    /** A JDBC connection to the app's database (to empty it, and to find its backends). */
    public static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(
                databaseUrl().replaceFirst("^r2dbc:", "jdbc:"), databaseUser(), databasePassword());
    }

    /**
     * Empties the database, starts {@code java <jvmFlags> -jar <jar>} on a free port with the peers as its Microsoft
     * and mail servers (no schedule, no push: runs come only from {@link #syncMailbox}) and waits until it serves.
     */
    public static JarApp start(Path jar, List<String> jvmFlags, BenchPeers.Addresses peers) {
        try {
            emptyDatabase();
            Path dataDir = Files.createTempDirectory("m365-bench-");
            int port = freePort();
            String adminPassword = "Bench-" + UUID.randomUUID();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("server.port", String.valueOf(port));
            properties.put("m365.data-dir", dataDir.toString());
            properties.put("spring.r2dbc.url", databaseUrl());
            properties.put("spring.r2dbc.username", databaseUser());
            properties.put("spring.r2dbc.password", databasePassword());
            properties.put("m365.first-admin.username", ADMIN);
            properties.put("m365.first-admin.password", adminPassword);
            properties.put("m365.microsoft.authority-host", peers.authority());
            properties.put("m365.microsoft.graph-host", peers.authority());
            properties.put("m365.mail.imap.host", "127.0.0.1");
            properties.put("m365.mail.imap.port", String.valueOf(peers.imapPort()));
            properties.put("m365.mail.imap.security", "NONE");
            properties.put("m365.mail.smtp.host", "127.0.0.1");
            properties.put("m365.mail.smtp.port", String.valueOf(peers.submissionPort()));
            properties.put("m365.mail.smtp.security", "NONE");
            properties.put("m365.sync.schedule-check-interval", "PT24H");
            properties.put("m365.sync.push.enabled", "false");
            properties.put("m365.graph.poll-interval", "PT24H");
            properties.forEach((name, value) -> command.add("--" + name + "=" + value));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("app.log").toFile())
                    .start();
            JarApp app = new JarApp(process, dataDir, port, peers, adminPassword);
            app.awaitServing();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the benchmark database", e);
        }
    }

    private static void emptyDatabase() throws SQLException {
        try (Connection connection = jdbc();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    /** The admin's API token, created by {@link #connectMailbox}. */
    public String apiToken() {
        return apiToken;
    }

    /** The signed-in admin's cookies as a Cookie header (SESSION and XSRF-TOKEN), and {@link #csrfToken()} to echo. */
    public String sessionCookieHeader() {
        return "SESSION=" + cookie("SESSION") + "; XSRF-TOKEN=" + csrf();
    }

    public String csrfToken() {
        return csrf();
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Where the jar writes its files (also app.log); deleted by {@link #close()}. */
    public Path dataDir() {
        return dataDir;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything before the first sync: the app registered at the identity platform, the admin signed in, Microsoft
     * Settings saved with Emails Sync on, an API token, the peers' mailbox connected through OAuth, these folders
     * selected. Answers the mailbox's id.
     */
    public UUID connectMailbox(List<String> folders) {
        return connectMailbox(folders, "IMAP");
    }

    /** As {@link #connectMailbox(List)}, over this transport ({@code IMAP} or {@code GRAPH}). */
    public UUID connectMailbox(List<String> folders, String transport) {
        control(
                "apps",
                Map.of(
                        "clientId",
                        clientId,
                        "secret",
                        clientSecret,
                        "homeTenantId",
                        peers.tenant(),
                        "multiTenant",
                        false,
                        "redirectUris",
                        List.of(baseUrl + "/login/oauth2/code/microsoft"),
                        "name",
                        "M365 Console (benchmark)"));
        signIn();
        sessionGraphQl(
                "mutation($input: UpdateMicrosoftSettingsInput!) { updateMicrosoftSettings(input: $input) "
                        + "{ errors { field message } } }",
                Map.of(
                        "input",
                        Map.of(
                                "clientId", Map.of("value", clientId),
                                "clientSecret", Map.of("replaceWith", clientSecret),
                                "tenant", Map.of("value", peers.tenant()),
                                "emailSyncEnabled", Map.of("value", true))),
                "updateMicrosoftSettings");
        apiToken = sessionGraphQl(
                        "mutation { createApiToken(input: {name: \"benchmark\"}) { secret errors { message } } }",
                        Map.of(),
                        "createApiToken")
                .path("secret")
                .asString();
        String authorize = sessionGraphQl(
                        "mutation($input: StartMailboxConnectionInput!) { startMailboxConnection(input: $input) "
                                + "{ authorizationUrl errors { message } } }",
                        Map.of("input", Map.of("transport", transport)),
                        "startMailboxConnection")
                .path("authorizationUrl")
                .asString();
        URI callback = consentAtMicrosoft(URI.create(authorize), peers.address());
        HttpResponse<String> back = send(HttpRequest.newBuilder(callback).GET());
        if (back.statusCode() != 302) {
            throw new IllegalStateException("The app's callback answered " + back.statusCode() + ": " + back.body());
        }
        JsonNode connection =
                sessionGraphQl("{ lastMailboxConnection { mailbox { id } error { error message } } }", Map.of(), null);
        if (!connection.path("lastMailboxConnection").path("error").isNull()) {
            throw new IllegalStateException("Connecting the mailbox failed: " + connection);
        }
        UUID mailboxId = UUID.fromString(connection
                .path("lastMailboxConnection")
                .path("mailbox")
                .path("id")
                .asString());
        sessionGraphQl(
                "mutation($input: SelectMailboxFoldersInput!) { selectMailboxFolders(input: $input) "
                        + "{ errors { field message } } }",
                Map.of("input", Map.of("mailboxId", mailboxId.toString(), "folders", folders)),
                "selectMailboxFolders");
        return mailboxId;
    }

    /** Runs syncMailbox with the API token and answers the run's last status once it ended. */
    public JsonNode syncMailbox(UUID mailboxId) {
        JsonNode data = graphQl(
                "mutation($id: UUID!) { syncMailbox(input: {mailboxId: $id}) { status { state newMessages durationMs "
                        + "reason } errors { message } } }",
                Map.of("id", mailboxId.toString()),
                script,
                Map.of("Authorization", "Bearer " + apiToken),
                Duration.ofMinutes(30));
        JsonNode payload = data.path("syncMailbox");
        if (!payload.path("errors").isEmpty()) {
            throw new IllegalStateException("syncMailbox: " + payload.path("errors"));
        }
        return payload.path("status");
    }

    private void signIn() {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).GET());
        String form = "username=" + ADMIN + "&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Signing in answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Microsoft's sign-in page (the identity platform's), submitted with consent; answers the app's callback. */
    private URI consentAtMicrosoft(URI authorize, String login) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorize).GET());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Microsoft's sign-in page answered " + page.statusCode());
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&consent=accept")));
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("Microsoft answered " + answer.statusCode() + ": " + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private void control(String path, Map<String, Object> body) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(peers.authority() + "/_fake/" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("POST /_fake/" + path + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A GraphQL call with the admin's session; with a payload name, fails on the payload's user errors. */
    private JsonNode sessionGraphQl(String document, Map<String, Object> variables, String payload) {
        JsonNode data = graphQl(document, variables, http, Map.of("X-XSRF-TOKEN", csrf()), Duration.ofSeconds(60));
        if (payload == null) {
            return data;
        }
        JsonNode result = data.path(payload);
        if (!result.path("errors").isEmpty()) {
            throw new IllegalStateException(payload + ": " + result.path("errors"));
        }
        return result;
    }

    private JsonNode graphQl(
            String document,
            Map<String, Object> variables,
            HttpClient client,
            Map<String, String> headers,
            Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
        headers.forEach(request::header);
        HttpResponse<String> answer = send(client, request);
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !body.path("errors").isEmpty()) {
            throw new IllegalStateException("GraphQL answered " + answer.statusCode() + ": " + answer.body());
        }
        return body.path("data");
    }

    private String csrf() {
        return cookie("XSRF-TOKEN");
    }

    private String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(baseUrl)).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("No " + name + " cookie from the app"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitServing() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The jar exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                waitOnProcess(Duration.ofMillis(250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        String log = log();
        close();
        throw new IllegalStateException("The jar did not serve HTTP within " + START_TIMEOUT + ":\n" + log);
    }

    private void waitOnProcess(Duration pause) {
        try {
            process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the jar (SIGTERM, then SIGKILL after 20 s) and deletes its data directory (its log and the encryption key
     * it generated); on a failure to start, the exception carries the log.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
