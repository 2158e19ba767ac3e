package com.m365console.audit;

import static com.m365console.audit.AuditLogReader.actorName;
import static com.m365console.audit.AuditLogReader.details;
import static com.m365console.audit.AuditLogReader.events;
import static com.m365console.audit.AuditLogReader.storedRows;
import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Administrators read one audit log of settings, token, session and password actions, with who, from where and
 * what changed; ordinary users and anonymous callers are refused, and no secret reaches a row or a response.
 */
@IntegrationTest
class AuditedActionsTest {

    private static final String CANARY = "Xyz8Q~audit-canary-" + java.util.UUID.randomUUID();
    private static final String CLIENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    HttpGraphQlTester alice;

    @BeforeEach
    void accounts() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        accounts.create("bob", "USER");
        alice = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void usersAndAnonymousCallersAreRefused() {
        HttpGraphQlTester bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
        expectError(bob.documentName("auditLog").execute(), "FORBIDDEN");
        expectError(bob.documentName("auditLogCsv").execute(), "FORBIDDEN");
        expectError(sessions.anonymous().graphQl().documentName("auditLog").execute(), "UNAUTHORIZED");
        expectError(sessions.anonymous().graphQl().documentName("auditLogCsv").execute(), "UNAUTHORIZED");
    }

    @Test
    void settingsChangesShowOldAndNewValuesAndASecretOnlyAsReplaced() {
        updateMicrosoftSettings(Map.of(
                "clientId", Map.of("value", CLIENT_ID),
                "clientSecret", Map.of("replaceWith", CANARY),
                "tenant", Map.of("value", "common")));
        updateMicrosoftSettings(Map.of("tenant", Map.of("value", "contoso.onmicrosoft.com")));
        updateMicrosoftSettings(Map.of("clientSecret", Map.of("clear", true), "tenant", Map.of("useDefault", true)));
        alice.document("mutation { updateEmailSyncSettings(input: {intervalMinutes: 7}) { errors { message } } }")
                .execute()
                .path("updateEmailSyncSettings.errors")
                .entityList(Object.class)
                .hasSize(0);

        List<Map<String, Object>> events = events(alice, Map.of("kinds", List.of("SETTING_CHANGED")));
        assertThat(events)
                .extracting(event -> event.get("summary"))
                .containsExactly(
                        "Sync interval (minutes): (default) → “7”",
                        "Client Secret: secret cleared",
                        "Directory (Tenant) ID: reset to the default (was “contoso.onmicrosoft.com”)",
                        "Directory (Tenant) ID: “common” → “contoso.onmicrosoft.com”",
                        "Client Secret: secret replaced",
                        "Directory (Tenant) ID: (default) → “common”",
                        "Application (Client) ID: (default) → “" + CLIENT_ID + "”");
        assertThat(events).allSatisfy(event -> {
            assertThat(actorName(event)).isEqualTo("alice");
            assertThat(event.get("clientAddress")).isEqualTo("127.0.0.1");
        });
        assertThat(details(events.get(3)).keySet()).containsExactly("setting", "change", "oldValue", "newValue");
        assertThat(details(events.get(3)))
                .containsEntry("setting", "microsoft.tenant")
                .containsEntry("change", "SET")
                .containsEntry("oldValue", "common")
                .containsEntry("newValue", "contoso.onmicrosoft.com");
        assertThat(details(events.get(4)))
                .containsOnlyKeys("setting", "change")
                .containsEntry("change", "SECRET_REPLACED");

        String csv = alice.documentName("auditLogCsv")
                .execute()
                .path("auditLogCsv.csv")
                .entity(String.class)
                .get();
        assertThat(events.toString()).doesNotContain(CANARY);
        assertThat(csv).contains("secret replaced").doesNotContain(CANARY);
        assertThat(storedRows(db)).doesNotContain(CANARY);
    }

    @Test
    void tokensCreatedAndRevokedAreAuditedWithoutTheirSecret() {
        HttpGraphQlTester bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
        var created = bob.documentName("createApiToken")
                .variable("input", Map.of("name", "backup script"))
                .execute();
        String secret =
                created.path("createApiToken.secret").entity(String.class).get();
        String tokenId =
                created.path("createApiToken.token.id").entity(String.class).get();
        bob.documentName("revokeApiToken")
                .variable("input", Map.of("id", tokenId))
                .execute()
                .path("revokeApiToken.errors")
                .entityList(Object.class)
                .hasSize(0);

        List<Map<String, Object>> events =
                events(alice, Map.of("kinds", List.of("API_TOKEN_CREATED", "API_TOKEN_REVOKED")));
        assertThat(events)
                .extracting(event -> event.get("kind") + ": " + event.get("summary"))
                .containsExactly(
                        "API_TOKEN_REVOKED: Revoked the API token “backup script”",
                        "API_TOKEN_CREATED: Created the API token “backup script”");
        assertThat(events).allSatisfy(event -> {
            assertThat(actorName(event)).isEqualTo("bob");
            assertThat(details(event)).containsEntry("tokenId", tokenId);
        });
        assertThat(events.toString()).doesNotContain(secret);
        assertThat(storedRows(db)).doesNotContain(secret).doesNotContain(secret.substring(5));
    }

    @Test
    void signingOutEverywhereAndChangingThePasswordAreAudited() {
        HttpGraphQlTester bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
        bob.documentName("changePassword")
                .variable(
                        "input",
                        Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "a-canary-password-42"))
                .execute()
                .path("changePassword.errors")
                .entityList(Object.class)
                .hasSize(0);
        bob.document("mutation { signOutEverywhere { endedSessions errors { message } } }")
                .execute()
                .path("signOutEverywhere.endedSessions")
                .entity(Integer.class)
                .isEqualTo(1);

        List<Map<String, Object>> events =
                events(alice, Map.of("kinds", List.of("PASSWORD_CHANGED", "SIGNED_OUT_EVERYWHERE")));
        assertThat(events)
                .extracting(event -> event.get("summary"))
                .containsExactly("Signed out everywhere (1 sessions ended)", "Changed their own password");
        assertThat(events).allSatisfy(event -> {
            assertThat(actorName(event)).isEqualTo("bob");
            assertThat(event.get("clientAddress")).isEqualTo("127.0.0.1");
        });
        assertThat(storedRows(db)).doesNotContain("a-canary-password-42").doesNotContain(TestAccounts.PASSWORD);
    }

    @Test
    void aDeletedAccountsRowsKeepItsNameAndId() {
        HttpGraphQlTester bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
        bob.documentName("createApiToken")
                .variable("input", Map.of("name", "laptop"))
                .execute()
                .path("createApiToken.errors")
                .entityList(Object.class)
                .hasSize(0);
        String bobId = db.sql("select id::text from app_user where username = 'bob'")
                .map(row -> row.get(0, String.class))
                .one()
                .block();

        db.sql("delete from app_user where username = 'bob'").then().block();

        List<Map<String, Object>> events = events(alice, Map.of("actor", bobId));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("kind")).isEqualTo("API_TOKEN_CREATED");
            assertThat(event.get("actor")).isEqualTo(Map.of("id", bobId, "name", "bob"));
        });
    }

    private void updateMicrosoftSettings(Map<String, Object> input) {
        alice.documentName("updateMicrosoftSettings")
                .variable("input", input)
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    static void expectError(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors)
                    .allSatisfy(error ->
                            assertThat(String.valueOf(error.getErrorType())).isEqualTo(classification));
        });
        response.path("").valueIsNull();
    }
}
