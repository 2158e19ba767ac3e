package com.m365console.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.GraphQlSockets;
import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Tooling calls the API with personal API tokens: over HTTP and WebSocket, as the owner, until expiry or revocation. */
@IntegrationTest
class ApiTokenTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    HttpGraphQlTester bob;

    @BeforeEach
    void signIn() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        accounts.create("bob", "USER");
        bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
    }

    @Test
    void tokenIsShownOnceStoredAsAHashAndActsAsItsOwner() {
        String secret = create(bob, "ci pipeline");

        assertThat(secret).startsWith("m365_").hasSizeGreaterThan(40);
        bob.documentName("apiTokens")
                .execute()
                .path("apiTokens[0].name")
                .entity(String.class)
                .isEqualTo("ci pipeline");
        assertThat(db.sql("select count(*) from api_token where token_hash = :raw")
                        .bind("raw", secret.getBytes())
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();

        withToken(secret)
                .documentName("me")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("bob");
        withToken(secret)
                .documentName("apiTokens")
                .execute()
                .path("apiTokens[0].lastUsedAt")
                .hasValue()
                .path("apiTokens[0]")
                .matchesJson("{\"name\":\"ci pipeline\",\"revoked\":false}");
    }

    @Test
    void bearerCallsNeedNoCsrfTokenAndCreateNoSession() {
        String secret = create(bob, "script");

        sessions.client()
                .post()
                .uri("/graphql")
                .headers(h -> h.setBearerAuth(secret))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectCookie()
                .doesNotExist("SESSION")
                .expectBody()
                .jsonPath("$.data.me.username")
                .isEqualTo("bob");
    }

    @Test
    void aUserTokenIsRefusedOnAdminFields() {
        String secret = create(bob, "script");

        withToken(secret)
                .documentName("microsoftSettings")
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())));
    }

    @Test
    void revokedAndUnknownTokensGet401() {
        String secret = create(bob, "old laptop");
        String id = bob.documentName("apiTokens")
                .execute()
                .path("apiTokens[0].id")
                .entity(String.class)
                .get();

        bob.documentName("revokeApiToken")
                .variable("input", Map.of("id", id))
                .execute()
                .path("revokeApiToken.token.revoked")
                .entity(Boolean.class)
                .isEqualTo(true);

        post(secret)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Invalid, expired or revoked API token");
        post("m365_not-a-real-token").expectStatus().isUnauthorized();
    }

    @Test
    void aDisabledOwnersTokenGets401() {
        String secret = create(bob, "build server");
        post(secret).expectStatus().isOk();

        db.sql("update app_user set enabled = false where username = 'bob'")
                .fetch()
                .rowsUpdated()
                .block();

        post(secret).expectStatus().isUnauthorized();
    }

    @Test
    void anotherUserCannotRevokeMyToken() {
        create(bob, "mine");
        String id = bob.documentName("apiTokens")
                .execute()
                .path("apiTokens[0].id")
                .entity(String.class)
                .get();

        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .documentName("revokeApiToken")
                .variable("input", Map.of("id", id))
                .execute()
                .path("revokeApiToken.errors[0].field")
                .entity(String.class)
                .isEqualTo("id");
        bob.documentName("apiTokens")
                .execute()
                .path("apiTokens[0].revoked")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void expiredTokensGet401() {
        String secret = create(bob, "short-lived", OffsetDateTime.now().plusMinutes(5));
        db.sql("update api_token set expires_at = now() - interval '1 second'")
                .then()
                .block();

        post(secret).expectStatus().isUnauthorized();
    }

    @Test
    void expiryInThePastAndBlankNamesAreRefused() {
        bob.documentName("createApiToken")
                .variable(
                        "input",
                        Map.of(
                                "name",
                                " ",
                                "expiresAt",
                                OffsetDateTime.now().minusDays(1).toString()))
                .execute()
                .path("createApiToken.errors[0].field")
                .entity(String.class)
                .isEqualTo("name");
        bob.documentName("createApiToken")
                .variable(
                        "input",
                        Map.of(
                                "name",
                                "x",
                                "expiresAt",
                                OffsetDateTime.now().minusDays(1).toString()))
                .execute()
                .path("createApiToken.errors[0].field")
                .entity(String.class)
                .isEqualTo("expiresAt");
        bob.documentName("apiTokens")
                .execute()
                .path("apiTokens")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void tokenWorksOverTheWebSocketConnectionInit() {
        String secret = create(bob, "socket");
        URI url = URI.create(sessions.baseUrl().replace("http", "ws") + "/graphql");

        WebSocketGraphQlTester anonymous = GraphQlSockets.open(url, null);
        anonymous.document("{ me { username } }").execute().path("me").valueIsNull();
        anonymous.stop().block(Duration.ofSeconds(5));

        WebSocketGraphQlTester withToken = GraphQlSockets.open(url, secret);
        withToken
                .document("{ me { username } }")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("bob");
        withToken.stop().block(Duration.ofSeconds(5));
    }

    private String create(HttpGraphQlTester tester, String name) {
        return tester.documentName("createApiToken")
                .variable("input", Map.of("name", name))
                .execute()
                .path("createApiToken.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    private String create(HttpGraphQlTester tester, String name, OffsetDateTime expiresAt) {
        return tester.documentName("createApiToken")
                .variable("input", Map.of("name", name, "expiresAt", expiresAt.toString()))
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    private HttpGraphQlTester withToken(String secret) {
        return HttpGraphQlTester.create(sessions.client()
                .mutate()
                .baseUrl(sessions.baseUrl() + "/graphql")
                .defaultHeaders(headers -> headers.setBearerAuth(secret))
                .build());
    }

    private WebTestClient.ResponseSpec post(String secret) {
        return sessions.client()
                .post()
                .uri("/graphql")
                .headers(h -> h.setBearerAuth(secret))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange();
    }
}
