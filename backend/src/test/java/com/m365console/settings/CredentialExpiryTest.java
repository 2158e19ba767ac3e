package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Eventually;
import com.m365console.support.GraphQlSockets;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/**
 * The client secret's expiry as admins see it: read from (the local) Microsoft Graph after a save, a warning 30
 * days ahead, Graph's 403 said plainly; and AADSTS7000222 on a token refresh reaching an admin's live subscription
 * within 2 seconds, until a new secret is saved. Users see none of it.
 */
@TestPropertySource(properties = "m365.microsoft.credential-check-on-save=true")
class CredentialExpiryTest extends Microsoft365TestBase {

    static final String STATUS = "{ microsoftCredentialStatus { configured kind expiresAt expiresInDays expiringSoon "
            + "rejectedAt message } }";

    HttpGraphQlTester admin;

    @BeforeEach
    void registerApp() throws Exception {
        resetWithRegisteredApp();
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void aSecretEndingInTenDaysWarnsTheAdmin() {
        microsoft.allowApplicationRead(clientId, true);
        microsoft.secretEndDateTime(
                clientId, Instant.now().plus(Duration.ofDays(10)).plusSeconds(3600));

        saveSecret(SECRET);

        Eventually.until(
                "the expiry is read from Graph", Duration.ofSeconds(10), () -> status().get("expiresAt") != null);
        Map<String, Object> status = status();
        assertThat(status)
                .containsEntry("configured", true)
                .containsEntry("kind", "CLIENT_SECRET")
                .containsEntry("expiresInDays", 10)
                .containsEntry("expiringSoon", true)
                .containsEntry("rejectedAt", null);
        assertThat((String) status.get("message")).contains("in 10 days").contains("create a new one");
    }

    @Test
    void withoutApplicationReadAllTheAdminIsToldWhatToGrant() {
        microsoft.allowApplicationRead(clientId, false);

        saveSecret(SECRET);

        Eventually.until("Graph's refusal is recorded", Duration.ofSeconds(10), () -> status().get("message") != null);
        Map<String, Object> status = status();
        assertThat(status).containsEntry("expiresAt", null).containsEntry("expiringSoon", false);
        assertThat((String) status.get("message"))
                .contains("grant the application the Application.Read.All")
                .contains("to show the expiry");
    }

    @Test
    void anExpiredSecretOnRefreshReachesTheAdminsLiveWithinTwoSeconds() throws Exception {
        Sessions.Browser jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        UUID mailboxId = connect(jane, JANE, Map.of());
        BlockingQueue<Map<String, Object>> heard = new LinkedBlockingQueue<>();
        WebSocketGraphQlTester socket =
                GraphQlSockets.open(URI.create(sessions.baseUrl().replace("http", "ws") + "/graphql"), apiToken());
        Disposable subscription = socket.document("subscription { microsoftCredentialStatus { rejectedAt message } }")
                .executeSubscription()
                .toFlux("microsoftCredentialStatus", Map.class)
                .subscribe(status -> heard.add(cast(status)));
        try {
            assertThat(heard.poll(10, TimeUnit.SECONDS))
                    .as("the status at once")
                    .containsEntry("rejectedAt", null);

            microsoft.expireSecret(clientId);
            db.sql("update mailbox_token set access_expires_at = now() where mailbox_id = :id")
                    .bind("id", mailboxId)
                    .then()
                    .block();
            jane.graphQl()
                    .documentName("checkMailboxConnection")
                    .variable("input", Map.of("mailboxId", mailboxId.toString()))
                    .execute();
            long refusedAt = System.nanoTime();

            Map<String, Object> told = heard.poll(2, TimeUnit.SECONDS);
            assertThat(System.nanoTime() - refusedAt)
                    .isLessThan(Duration.ofSeconds(2).toNanos());
            assertThat(told).as("the admin is told").isNotNull();
            assertThat(told.get("rejectedAt")).isNotNull();
            assertThat((String) told.get("message")).contains("AADSTS7000222").contains("Create a new client secret");
            assertThat(status().get("rejectedAt")).isNotNull();

            saveSecret("New8Q~" + UUID.randomUUID().toString().replace("-", ""));
            Eventually.until(
                    "a new secret starts clean", Duration.ofSeconds(5), () -> status().get("rejectedAt") == null);
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void usersMayNotSubscribe() {
        Sessions.Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        bob.graphQl()
                .document(STATUS)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .extracting(error -> error.getErrorType().toString())
                        .containsExactly("FORBIDDEN"));
    }

    private Map<String, Object> status() {
        return cast(admin.document(STATUS)
                .execute()
                .path("microsoftCredentialStatus")
                .entity(Map.class)
                .get());
    }

    private void saveSecret(String secret) {
        admin.documentName("updateMicrosoftSettings")
                .variable("input", Map.of("clientSecret", Map.of("replaceWith", secret)))
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    private String apiToken() {
        return admin.document("mutation { createApiToken(input: {name: \"banner\"}) { secret } }")
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
