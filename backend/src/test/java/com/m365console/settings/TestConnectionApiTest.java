package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** "Test connection" asks the (local) Microsoft identity platform for an app-only token and explains its answer. */
@IntegrationTest
class TestConnectionApiTest {

    static final String TENANT = "0d1c2b3a-4f5e-4d6c-8b7a-9f8e7d6c5b4a";
    static final String SECRET = "Tst8Q~" + UUID.randomUUID().toString().replace("-", "");
    static final String TEST = "mutation { testMicrosoftConnection { ok message error { error aadsts message "
            + "traceId correlationId } } }";

    static final FakeMicrosoftIdentityPlatform microsoft =
            FakeMicrosoftIdentityPlatform.start().addTenant(TENANT, "tailspin.onmicrosoft.com");

    @DynamicPropertySource
    static void authority(DynamicPropertyRegistry registry) {
        registry.add("m365.microsoft.authority-host", microsoft::authority);
    }

    @AfterAll
    static void stop() {
        microsoft.close();
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    HttpGraphQlTester admin;
    String clientId;

    @BeforeEach
    void registerApp() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        accounts.create("bob", "USER");
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
        clientId = UUID.randomUUID().toString();
        microsoft.registerApp(clientId, SECRET, TENANT, false, sessions.baseUrl() + "/login/oauth2/code/microsoft");
    }

    @Test
    void aCorrectRegistrationPasses() {
        save(clientId, SECRET, TENANT);

        GraphQlTester.Response response = admin.document(TEST).execute();

        response.path("testMicrosoftConnection.ok").entity(Boolean.class).isEqualTo(true);
        assertThat(response.path("testMicrosoftConnection")
                        .entity(Map.class)
                        .get()
                        .toString())
                .doesNotContain(SECRET);
        var request = microsoft.tokenRequests().get(microsoft.tokenRequests().size() - 1);
        assertThat(request)
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "https://graph.microsoft.com/.default")
                .containsEntry("client_id", clientId);
    }

    @Test
    void aVerifiedDomainWorksAsTheTenant() {
        save(clientId, SECRET, "tailspin.onmicrosoft.com");

        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.ok")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void aWrongSecretSaysToPasteTheValue() {
        save(clientId, "Wrong8Q~this-is-not-the-value", TENANT);

        var response = admin.document(TEST).execute();

        response.path("testMicrosoftConnection.ok")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("testMicrosoftConnection.error.aadsts")
                .entity(String.class)
                .isEqualTo("AADSTS7000215")
                .path("testMicrosoftConnection.message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("paste the secret value, not the secret ID"))
                .path("testMicrosoftConnection.error.traceId")
                .hasValue()
                .path("testMicrosoftConnection.error.correlationId")
                .hasValue();
    }

    @Test
    void anExpiredSecretSaysToCreateANewOne() {
        save(clientId, SECRET, TENANT);
        microsoft.expireSecret(clientId);

        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.error.aadsts")
                .entity(String.class)
                .isEqualTo("AADSTS7000222")
                .path("testMicrosoftConnection.message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("expired"));
    }

    @Test
    void anUnknownClientIdIsNamed() {
        save(UUID.randomUUID().toString(), SECRET, TENANT);

        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.error.aadsts")
                .entity(String.class)
                .isEqualTo("AADSTS700016");
    }

    @Test
    void multiTenantKeywordsAndMissingValuesAreExplainedWithoutCallingMicrosoft() {
        int before = microsoft.tokenRequests().size();
        save(clientId, SECRET, "organizations");
        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("own Directory (Tenant) ID"));

        admin.documentName("updateMicrosoftSettings")
                .variable("input", Map.of("clientSecret", Map.of("clear", true)))
                .execute();
        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).startsWith("Save the Application (Client) ID"));
        assertThat(microsoft.tokenRequests()).hasSize(before);
    }

    @Test
    void anOutageIsReportedNotThrown() {
        save(clientId, SECRET, TENANT);
        microsoft.failNextToken(500, "temporarily_unavailable", 90033, "A transient error has occurred.");

        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.ok")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("testMicrosoftConnection.error.error")
                .entity(String.class)
                .isEqualTo("temporarily_unavailable");
    }

    @Test
    void askingTwiceInOneRequestIsRefusedWithoutCallingMicrosoft() {
        save(clientId, SECRET, TENANT);
        int before = microsoft.tokenRequests().size();

        admin.document("mutation { a: testMicrosoftConnection { ok } ...Again } "
                        + "fragment Again on Mutation { b: testMicrosoftConnection { message } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getMessage())
                            .startsWith("testMicrosoftConnection may be asked at most once " + "per request");
                }));

        assertThat(microsoft.tokenRequests()).hasSize(before);
    }

    @Test
    void testsBeyondTheLimitAreRateLimitedPerRegistration() {
        save(clientId, SECRET, TENANT);
        int before = microsoft.tokenRequests().size();
        String test = "mutation { testMicrosoftConnection { ok message errors { field code message } } }";
        for (int i = 0; i < 5; i++) {
            admin.document(test)
                    .execute()
                    .path("testMicrosoftConnection.ok")
                    .entity(Boolean.class)
                    .isEqualTo(true);
        }

        admin.document(test)
                .execute()
                .path("testMicrosoftConnection.ok")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("testMicrosoftConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("RATE_LIMITED")
                .path("testMicrosoftConnection.message")
                .entity(String.class)
                .satisfies(message -> assertThat(message)
                        .startsWith("Test connection was asked 5 times for this app registration")
                        .contains("try again in"));
        assertThat(microsoft.tokenRequests())
                .as("the sixth did not reach Microsoft")
                .hasSize(before + 5);

        String other = UUID.randomUUID().toString();
        microsoft.registerApp(other, SECRET, TENANT, false, sessions.baseUrl() + "/login/oauth2/code/microsoft");
        save(other, SECRET, TENANT);
        admin.document(test)
                .execute()
                .path("testMicrosoftConnection.ok")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("testMicrosoftConnection.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void usersMayNotTestTheConnection() {
        sessions.graphQl("bob", TestAccounts.PASSWORD)
                .document(TEST)
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())));
    }

    private void save(String client, String secret, String tenant) {
        admin.documentName("updateMicrosoftSettings")
                .variable(
                        "input",
                        Map.of(
                                "clientId", Map.of("value", client),
                                "clientSecret", Map.of("replaceWith", secret),
                                "tenant", Map.of("value", tenant)))
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
    }
}
