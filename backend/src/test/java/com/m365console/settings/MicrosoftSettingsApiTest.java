package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.m365console.mail.MailHosts;
import com.m365console.microsoft.Cloud;
import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An administrator reads and saves Microsoft Settings through the GraphQL API, on the real server and database. */
@IntegrationTest
class MicrosoftSettingsApiTest {

    static final String CLIENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static final String SECRET = "Abc8Q~k2V.xT-a1b2c3d4e5f6g7h8i9j0kLmNoP";
    static final String DEFAULT_CLIENT_ID = "11111111-2222-3333-4444-555555555555";

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    MailHosts mailHosts;

    HttpGraphQlTester admin;

    @BeforeEach
    void signInAsAdmin() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void freshInstallationShowsConfiguredDefaultsAndTheRedirectUri() {
        var settings = settings();
        assertThat(settings.path("clientId"))
                .isEqualTo(Map.of("value", DEFAULT_CLIENT_ID, "useDefault", true, "defaultValue", DEFAULT_CLIENT_ID));
        assertThat(settings.path("clientSecret.source")).isEqualTo("NONE");
        assertThat(settings.path("clientSecret.isSet")).isEqualTo(false);
        assertThat(settings.path("tenant.value")).isEqualTo("organizations");
        assertThat(settings.path("cloud.value")).isEqualTo("GLOBAL");
        assertThat(settings.path("signInEnabled.value")).isEqualTo(false);
        assertThat(settings.path("redirectUri")).isEqualTo(sessions.baseUrl() + "/login/oauth2/code/microsoft");
    }

    @Test
    void validSaveIsKeptAndTheSecretIsNeverReadBack() {
        var payload = update(Map.of(
                "clientId", Map.of("value", CLIENT_ID.toUpperCase()),
                "clientSecret", Map.of("replaceWith", SECRET),
                "tenant", Map.of("value", "Contoso.onmicrosoft.com"),
                "cloud", Map.of("value", "US_GOVERNMENT"),
                "signInEnabled", Map.of("value", true),
                "emailSyncEnabled", Map.of("value", true)));
        assertThat(payload.errors()).isEmpty();

        var reloaded = settings();
        assertThat(reloaded.path("clientId.value")).isEqualTo(CLIENT_ID);
        assertThat(reloaded.path("clientId.useDefault")).isEqualTo(false);
        assertThat(reloaded.path("tenant.value")).isEqualTo("contoso.onmicrosoft.com");
        assertThat(reloaded.path("cloud.value")).isEqualTo("US_GOVERNMENT");
        assertThat(reloaded.path("signInEnabled.value")).isEqualTo(true);
        assertThat(reloaded.path("emailSyncEnabled.value")).isEqualTo(true);
        assertThat(reloaded.path("clientSecret.source")).isEqualTo("STORED");
        assertThat(reloaded.path("clientSecret.setBy")).isEqualTo("alice");
        assertThat((String) reloaded.path("clientSecret.setAt")).isNotBlank();
        assertThat(reloaded.json()).doesNotContain(SECRET);
        assertThat(payload.settings()).isEqualTo(reloaded.raw());
    }

    @Test
    void tenantAcceptsGuidsDomainsAndTheMultiTenantKeywords() {
        for (String tenant : List.of(
                "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "contoso.onmicrosoft.com",
                "login.contoso.com",
                "organizations",
                "common",
                "consumers")) {
            assertThat(update(Map.of("tenant", Map.of("value", tenant))).errors())
                    .as(tenant)
                    .isEmpty();
            assertThat(settings().path("tenant.value")).isEqualTo(tenant);
        }
    }

    static List<Arguments> invalidInputs() {
        return List.of(
                Arguments.of(Map.of("clientId", Map.of("value", "my-app")), "clientId.value", "INVALID_GUID"),
                Arguments.of(Map.of("clientId", Map.of("value", "  ")), "clientId.value", "REQUIRED"),
                Arguments.of(Map.of("tenant", Map.of("value", "not a tenant")), "tenant.value", "INVALID_TENANT"),
                Arguments.of(Map.of("tenant", Map.of("value", "contoso")), "tenant.value", "INVALID_TENANT"),
                Arguments.of(
                        Map.of("clientSecret", Map.of("replaceWith", "9a1b8c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d")),
                        "clientSecret.replaceWith",
                        "LOOKS_LIKE_SECRET_ID"),
                Arguments.of(
                        Map.of("clientSecret", Map.of("replaceWith", "two words")),
                        "clientSecret.replaceWith",
                        "INVALID_FORMAT"),
                Arguments.of(
                        Map.of("clientSecret", Map.of("replaceWith", "x".repeat(1025))),
                        "clientSecret.replaceWith",
                        "TOO_LONG"),
                Arguments.of(
                        Map.of("clientSecret", Map.of("replaceWith", SECRET, "clear", true)),
                        "clientSecret",
                        "INVALID_FORMAT"),
                Arguments.of(
                        Map.of("signInEnabled", Map.of("value", true)), "signInEnabled.value", "PRECONDITION_FAILED"),
                Arguments.of(
                        Map.of("emailSyncEnabled", Map.of("value", true)),
                        "emailSyncEnabled.value",
                        "PRECONDITION_FAILED"),
                Arguments.of(Map.of("cloud", Map.of("useDefault", false)), "cloud.value", "REQUIRED"),
                Arguments.of(
                        Map.of("clientId", Map.of("value", CLIENT_ID), "tenant", Map.of("value", "bad tenant")),
                        "tenant.value",
                        "INVALID_TENANT"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void invalidInputIsRefusedOnItsFieldAndNothingIsSaved(Map<String, Object> input, String field, String code) {
        var before = settings().raw();

        var payload = update(input);

        assertThat(payload.errors())
                .extracting(error -> error.get("field"), error -> error.get("code"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
        assertThat(payload.errors().get(0).get("message")).asString().isNotBlank();
        assertThat(payload.settings()).isEqualTo(before);
        assertThat(settings().raw()).isEqualTo(before);
        assertThat(changes()).isEmpty();
    }

    @Test
    void theSecretIdWarningSaysToPasteTheValue() {
        var payload = update(Map.of("clientSecret", Map.of("replaceWith", "9a1b8c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d")));
        assertThat(payload.errors().get(0).get("message"))
                .asString()
                .contains("looks like the secret ID")
                .contains("paste the secret value");
    }

    @Test
    void credentialsCannotBeRemovedWhileSignInIsEnabled() {
        saveCompleteRegistration();

        var clearSecret = update(Map.of("clientSecret", Map.of("clear", true)));
        assertThat(clearSecret.errors()).extracting(e -> e.get("field")).containsExactly("clientSecret.clear");

        var enabledWithoutSecret =
                update(Map.of("clientSecret", Map.of("clear", true), "signInEnabled", Map.of("value", true)));
        assertThat(enabledWithoutSecret.errors())
                .extracting(e -> e.get("field"))
                .containsExactly("signInEnabled.value");

        assertThat(settings().path("clientSecret.source")).isEqualTo("STORED");
    }

    @Test
    void switchingOffAndClearingInOneSaveWorks() {
        saveCompleteRegistration();

        var payload = update(Map.of("clientSecret", Map.of("clear", true), "signInEnabled", Map.of("value", false)));

        assertThat(payload.errors()).isEmpty();
        assertThat(settings().path("clientSecret.source")).isEqualTo("NONE");
        assertThat(settings().path("signInEnabled.value")).isEqualTo(false);
    }

    @Test
    void useDefaultFallsBackToTheConfiguredValueAndIsAudited() {
        update(Map.of("clientId", Map.of("value", CLIENT_ID)));
        assertThat(settings().path("clientId.value")).isEqualTo(CLIENT_ID);

        var payload = update(Map.of("clientId", Map.of("useDefault", true)));

        assertThat(payload.errors()).isEmpty();
        assertThat(settings().path("clientId"))
                .isEqualTo(Map.of("value", DEFAULT_CLIENT_ID, "useDefault", true, "defaultValue", DEFAULT_CLIENT_ID));
        assertThat(changes())
                .extracting(
                        c -> c.get("setting"),
                        c -> c.get("action"),
                        c -> c.get("oldValue"),
                        c -> c.get("newValue"),
                        c -> c.get("changedBy"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("clientId", "RESET_TO_DEFAULT", CLIENT_ID, null, "alice"),
                        org.assertj.core.groups.Tuple.tuple("clientId", "SET", null, CLIENT_ID, "alice"));
    }

    @Test
    void auditRecordsWhoChangedWhichFieldButNeverTheSecret() {
        saveCompleteRegistration();
        update(Map.of("clientSecret", Map.of("clear", true), "signInEnabled", Map.of("value", false)));
        update(Map.of("tenant", Map.of("value", "contoso.onmicrosoft.com")));

        var changes = changes();
        assertThat(changes)
                .extracting(c -> c.get("setting") + ":" + c.get("action"))
                .containsExactly(
                        "tenant:SET",
                        "clientSecret:SECRET_CLEARED",
                        "signInEnabled:SET",
                        "clientSecret:SECRET_REPLACED",
                        "signInEnabled:SET",
                        "tenant:SET",
                        "clientId:SET");
        assertThat(changes)
                .allSatisfy(change -> assertThat(change.get("changedBy")).isEqualTo("alice"));
        assertThat(changes.toString()).doesNotContain(SECRET);
        assertThat(changes)
                .filteredOn(c -> c.get("setting").equals("clientSecret"))
                .allSatisfy(c -> assertThat(c.get("oldValue")).isNull())
                .allSatisfy(c -> assertThat(c.get("newValue")).isNull());
    }

    @Test
    void savingTheSameValueAgainChangesNothing() {
        update(Map.of("tenant", Map.of("value", "common")));
        update(Map.of("tenant", Map.of("value", "common")));

        assertThat(changes()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachCloudShowsTheHostsItImplies() {
        var hosts = admin.document("{ microsoftSettings { cloudHosts { cloud login imap smtp graph } } }")
                .execute()
                .path("microsoftSettings.cloudHosts")
                .entityList(Map.class)
                .get();

        assertThat(hosts)
                .extracting(h -> h.get("cloud"), h -> h.get("login"), h -> h.get("graph"))
                .containsExactly(
                        tuple("GLOBAL", "https://login.microsoftonline.com", "https://graph.microsoft.com"),
                        tuple("US_GOVERNMENT", "https://login.microsoftonline.us", "https://graph.microsoft.us"),
                        tuple(
                                "CHINA",
                                "https://login.partner.microsoftonline.cn",
                                "https://microsoftgraph.chinacloudapi.cn"));
        assertThat(hosts)
                .extracting(h -> h.get("imap"), h -> h.get("smtp"))
                .containsExactly(
                        tuple(
                                mailHosts.imap(Cloud.GLOBAL).hostAndPort(),
                                mailHosts.smtp(Cloud.GLOBAL).hostAndPort()),
                        tuple(
                                mailHosts.imap(Cloud.US_GOVERNMENT).hostAndPort(),
                                mailHosts.smtp(Cloud.US_GOVERNMENT).hostAndPort()),
                        tuple(
                                mailHosts.imap(Cloud.CHINA).hostAndPort(),
                                mailHosts.smtp(Cloud.CHINA).hostAndPort()));
    }

    @Test
    void aUserCannotReadTheCloudHosts() {
        accounts.create("bob", "USER");
        sessions.graphQl("bob", TestAccounts.PASSWORD)
                .document("{ microsoftSettings { cloudHosts { login } } }")
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())));
    }

    @Test
    void changesLimitOutOfRangeIsABadRequest() {
        admin.documentName("settingChanges")
                .variable("limit", 0)
                .execute()
                .errors()
                .expect(error -> "BAD_REQUEST".equals(String.valueOf(error.getErrorType()))
                        && error.getMessage().contains("between 1 and 200"));
    }

    private void saveCompleteRegistration() {
        var payload = update(Map.of(
                "clientId", Map.of("value", CLIENT_ID),
                "clientSecret", Map.of("replaceWith", SECRET),
                "tenant", Map.of("value", "organizations"),
                "signInEnabled", Map.of("value", true)));
        assertThat(payload.errors()).isEmpty();
    }

    Settings settings() {
        return new Settings(admin.documentName("microsoftSettings")
                .execute()
                .path("microsoftSettings")
                .entity(Map.class)
                .get());
    }

    @SuppressWarnings("unchecked")
    Payload update(Map<String, Object> input) {
        GraphQlTester.Response response = admin.documentName("updateMicrosoftSettings")
                .variable("input", input)
                .execute();
        return new Payload(
                response.path("updateMicrosoftSettings.settings")
                        .entity(Map.class)
                        .get(),
                response.path("updateMicrosoftSettings.errors").entityList(Map.class).get().stream()
                        .map(error -> (Map<String, Object>) error)
                        .toList());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changes() {
        return admin
                .documentName("settingChanges")
                .variable("limit", 50)
                .execute()
                .path("settingChanges")
                .entityList(Map.class)
                .get()
                .stream()
                .map(change -> (Map<String, Object>) change)
                .toList();
    }

    record Payload(Map<?, ?> settings, List<Map<String, Object>> errors) {}

    /** The settings as JSON-like maps, read with dotted paths. */
    record Settings(Map<?, ?> raw) {

        Object path(String dotted) {
            Object current = raw;
            for (String part : dotted.split("\\.")) {
                current = ((Map<?, ?>) current).get(part);
            }
            return current;
        }

        String json() {
            return raw.toString();
        }
    }
}
