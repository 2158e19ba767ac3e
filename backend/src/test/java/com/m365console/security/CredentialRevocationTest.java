package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.M365ConsoleApplication;
import com.m365console.security.session.PostgresSessionRepository;
import com.m365console.support.IntegrationTest;
import com.m365console.support.RawGraphQlSocket;
import com.m365console.support.Sessions;
import com.m365console.support.Sessions.Browser;
import com.m365console.support.TestAccounts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Taking a credential back reaches every instance: sockets opened with a revoked token, an ended session or an
 * old password close within 2 s on another instance than the one that took it back; sessions are shared by
 * instances and survive a restart; a cookie-authenticated socket needs the app's own Origin.
 */
@IntegrationTest
class CredentialRevocationTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final String EVIL_ORIGIN = "http://evil.example";

    /** A second instance on the same database, with CORS widened to another site. */
    static ConfigurableApplicationContext second;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    @Autowired
    Environment environment;

    final List<RawGraphQlSocket> sockets = new ArrayList<>();

    @BeforeEach
    void accountsAndSecondInstance() {
        accounts.reset();
        accounts.create("bob", "USER");
        if (second == null) {
            second = startInstance();
        }
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(RawGraphQlSocket::close);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void aTokenRevokedOnOneInstanceClosesItsSocketOnTheOther() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        String token = createToken(bob.graphQl(), null);
        RawGraphQlSocket socket = tokenSocket(secondUrl(), token);
        assertThat(me(socket)).isEqualTo("bob");

        String id = bob.graphQl()
                .documentName("apiTokens")
                .execute()
                .path("apiTokens[0].id")
                .entity(String.class)
                .get();
        bob.graphQl()
                .documentName("revokeApiToken")
                .variable("input", Map.of("id", id))
                .execute()
                .path("revokeApiToken.token.revoked")
                .entity(Boolean.class)
                .isEqualTo(true);

        assertThat(socket.closeCode(WITHIN)).isEqualTo(4401);
    }

    @Test
    void aTokenThatExpiresClosesItsSocketWhenItExpires() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        String token = createToken(bob.graphQl(), OffsetDateTime.now().plusSeconds(2));
        RawGraphQlSocket socket = tokenSocket(secondUrl(), token);
        assertThat(me(socket)).isEqualTo("bob");

        assertThat(socket.closeCode(Duration.ofSeconds(2).plus(WITHIN))).isEqualTo(4401);
    }

    @Test
    void signingOutClosesTheSessionsSocketOnTheOtherInstance() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        RawGraphQlSocket socket = sessionSocket(secondUrl(), bob, secondOrigin());
        assertThat(me(socket)).isEqualTo("bob");

        bob.client().post().uri("/logout").exchange().expectStatus().isNoContent();

        assertThat(socket.closeCode(WITHIN)).isEqualTo(4401);
        assertThat(meOverHttp(bob, secondBaseUrl())).isNull();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndTokensButNotTheOneThatChangedIt() {
        Browser laptop = sessions.signIn("bob", TestAccounts.PASSWORD);
        Browser phone = sessions.signIn("bob", TestAccounts.PASSWORD);
        String token = createToken(laptop.graphQl(), null);
        RawGraphQlSocket laptopSocket = sessionSocket(secondUrl(), laptop, secondOrigin());
        RawGraphQlSocket tokenSocket = tokenSocket(secondUrl(), token);
        assertThat(me(laptopSocket)).isEqualTo("bob");

        phone.graphQl()
                .documentName("changePassword")
                .variable(
                        "input", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "a-new-long-password"))
                .execute()
                .path("changePassword.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(laptopSocket.closeCode(WITHIN)).isEqualTo(4401);
        assertThat(tokenSocket.closeCode(WITHIN)).isEqualTo(4401);
        assertThat(meOverHttp(laptop, sessions.baseUrl())).isNull();
        assertThat(meOverHttp(phone, secondBaseUrl())).isEqualTo("bob");
        sessions.client()
                .post()
                .uri("/graphql")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void signOutEverywhereEndsEverySessionOfTheUserOnly() {
        accounts.create("jane", "USER");
        Browser laptop = sessions.signIn("bob", TestAccounts.PASSWORD);
        Browser phone = sessions.signIn("bob", TestAccounts.PASSWORD);
        Browser jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        RawGraphQlSocket laptopSocket = sessionSocket(secondUrl(), laptop, secondOrigin());
        assertThat(me(laptopSocket)).isEqualTo("bob");

        phone.graphQl()
                .document("mutation { signOutEverywhere { endedSessions errors { code } } }")
                .execute()
                .path("signOutEverywhere.endedSessions")
                .entity(Integer.class)
                .isEqualTo(2);

        assertThat(laptopSocket.closeCode(WITHIN)).isEqualTo(4401);
        assertThat(meOverHttp(laptop, sessions.baseUrl())).isNull();
        assertThat(meOverHttp(phone, secondBaseUrl())).isNull();
        assertThat(meOverHttp(jane, secondBaseUrl())).isEqualTo("jane");
    }

    @Test
    void anExpiredSessionClosesItsSocketWhenItIsPurged() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        RawGraphQlSocket socket = sessionSocket(secondUrl(), bob, secondOrigin());
        assertThat(me(socket)).isEqualTo("bob");

        db.sql("update web_session set expires_at = now() - interval '1 second'")
                .then()
                .block();
        assertThat(meOverHttp(bob, sessions.baseUrl())).isNull();
        second.getBean(PostgresSessionRepository.class).purgeExpired().block(Duration.ofSeconds(10));

        assertThat(socket.closeCode(WITHIN)).isEqualTo(4401);
    }

    @Test
    void aCookieHandshakeActsAsTheUserOnlyWithTheAppsOwnOrigin() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);

        RawGraphQlSocket noOrigin = sessionSocket(url(sessions.baseUrl()), bob, null);
        assertThat(me(noOrigin)).isNull();
        assertThat(noOrigin.execute("mutation { createApiToken(input: {name: \"stolen\"}) { secret } }"))
                .containsKey("errors");
        RawGraphQlSocket otherSite = sessionSocket(secondUrl(), bob, EVIL_ORIGIN);
        assertThat(me(otherSite))
                .as("CORS allows %s on the second instance", EVIL_ORIGIN)
                .isNull();
        assertThat(otherSite.execute("mutation { createApiToken(input: {name: \"stolen\"}) { secret } }"))
                .containsKey("errors");

        RawGraphQlSocket ownPage = sessionSocket(url(sessions.baseUrl()), bob, sessions.baseUrl());
        assertThat(me(ownPage)).isEqualTo("bob");
        bob.graphQl()
                .documentName("apiTokens")
                .execute()
                .path("apiTokens")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void sessionsAreKeptAcrossARestartAndStoredUnreadable() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        second.close();
        second = startInstance();

        assertThat(meOverHttp(bob, secondBaseUrl())).isEqualTo("bob");
        byte[] raw = bob.session().getBytes(StandardCharsets.UTF_8);
        assertThat(db.sql("select count(*) from web_session where id_hash = :raw or attributes = :raw")
                        .bind("raw", raw)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
        byte[] attributes = db.sql("select attributes from web_session")
                .map(row -> row.get(0, byte[].class))
                .one()
                .block();
        assertThat(new String(attributes, StandardCharsets.ISO_8859_1))
                .doesNotContain("bob")
                .doesNotContain("SPRING_SECURITY_CONTEXT");
        assertThat(Base64.getEncoder().encodeToString(attributes)).doesNotContain(bob.session());
    }

    private ConfigurableApplicationContext startInstance() {
        return new SpringApplicationBuilder(M365ConsoleApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.r2dbc.url=" + environment.getProperty("spring.r2dbc.url"),
                        "--spring.graphql.cors.allowed-origins=" + EVIL_ORIGIN);
    }

    private String secondBaseUrl() {
        return "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
    }

    private String secondOrigin() {
        return secondBaseUrl();
    }

    private URI secondUrl() {
        return url(secondBaseUrl());
    }

    private static URI url(String baseUrl) {
        return URI.create(baseUrl.replace("http", "ws") + "/graphql");
    }

    private RawGraphQlSocket tokenSocket(URI url, String token) {
        RawGraphQlSocket socket = RawGraphQlSocket.open(url, Map.of(), Map.of("Authorization", "Bearer " + token));
        sockets.add(socket);
        return socket;
    }

    private RawGraphQlSocket sessionSocket(URI url, Browser browser, String origin) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cookie", "SESSION=" + browser.session());
        if (origin != null) {
            headers.put("Origin", origin);
        }
        RawGraphQlSocket socket = RawGraphQlSocket.open(url, headers, Map.of());
        sockets.add(socket);
        return socket;
    }

    @SuppressWarnings("unchecked")
    private static String me(RawGraphQlSocket socket) {
        Map<String, Object> data =
                (Map<String, Object>) socket.execute("{ me { username } }").get("data");
        Map<String, Object> me = data == null ? null : (Map<String, Object>) data.get("me");
        return me == null ? null : (String) me.get("username");
    }

    @SuppressWarnings("unchecked")
    private static String meOverHttp(Browser browser, String baseUrl) {
        Map<String, Object> body = browser.client(baseUrl)
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> me = (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("me");
        return me == null ? null : (String) me.get("username");
    }

    private static String createToken(HttpGraphQlTester tester, OffsetDateTime expiresAt) {
        Map<String, Object> input = expiresAt == null
                ? Map.of("name", "script")
                : Map.of("name", "script", "expiresAt", expiresAt.toString());
        return tester.documentName("createApiToken")
                .variable("input", input)
                .execute()
                .path("createApiToken.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }
}
