package com.m365console.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.settings.BooleanSettingInput;
import com.m365console.settings.DomainsSettingInput;
import com.m365console.settings.MicrosoftSettingsService;
import com.m365console.settings.ProvisioningSettingInput;
import com.m365console.settings.SecretSettingInput;
import com.m365console.settings.SignInProvisioning;
import com.m365console.settings.StringSettingInput;
import com.m365console.settings.UpdateMicrosoftSettingsInput;
import com.m365console.support.IntegrationTest;
import com.m365console.support.MicrosoftSignInBrowser;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Sign in with Microsoft 365" end to end: the real callback, the real token exchange and ID token checks,
 * against a local server that answers on Microsoft's v2.0 paths with Microsoft's JSON.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MicrosoftSignInTest {

    static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String FABRIKAM = "4a2c7b8e-0f1d-4c3b-9e8a-7d6c5b4a3f21";
    static final String CLIENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static final String SECRET = "Sgn8Q~" + UUID.randomUUID().toString().replace("-", "");

    static final FakeMicrosoftIdentityPlatform microsoft = FakeMicrosoftIdentityPlatform.start()
            .addTenant(CONTOSO, "contoso.onmicrosoft.com", "contoso.com")
            .addTenant(FABRIKAM, "fabrikam.onmicrosoft.com")
            .addAccount(CONTOSO, UUID.randomUUID().toString(), "jane@contoso.com", "Jane Doe")
            .addAccount(CONTOSO, UUID.randomUUID().toString(), "new.hire@contoso.com", "New Hire")
            .addAccount(FABRIKAM, UUID.randomUUID().toString(), "ann@fabrikam.onmicrosoft.com", "Ann Partner");

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

    @Autowired
    MicrosoftSettingsService settings;

    @Autowired
    DatabaseClient db;

    UUID adminId;
    String appId;

    @BeforeEach
    void registerAndConfigure() {
        accounts.reset();
        adminId = accounts.create("alice", "ADMIN");
        accounts.create("jane", "USER");
        db.sql("update app_user set email = 'Jane@Contoso.com' where username = 'jane'")
                .then()
                .block();
        appId = CLIENT_ID.substring(0, 24) + UUID.randomUUID().toString().substring(24);
        microsoft.registerApp(appId, SECRET, CONTOSO, true, sessions.baseUrl() + "/login/oauth2/code/microsoft");
        save(new UpdateMicrosoftSettingsInput(
                new StringSettingInput(appId, false),
                new SecretSettingInput(SECRET, false),
                new StringSettingInput(CONTOSO, false),
                null,
                new BooleanSettingInput(true, false),
                null,
                new DomainsSettingInput(List.of(), false),
                new ProvisioningSettingInput(SignInProvisioning.EXISTING_USERS_ONLY, false),
                null,
                null));
    }

    @Test
    void existingUserSignsInAndLandsInTheApp(CapturedOutput output) {
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/");

        browser.graphQl()
                .documentName("me")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("jane")
                .path("me.role")
                .entity(String.class)
                .isEqualTo("USER");
        assertThat(output.getAll()).doesNotContain(SECRET);
        microsoft
                .validAccessTokens()
                .forEach(token -> assertThat(output.getAll()).doesNotContain(token));
    }

    @Test
    void microsoftSignInWorksWhilePasswordSignInIsThrottledForTheNameAndTheAddress() {
        for (int i = 0; i < 20; i++) {
            sessions.anonymous()
                    .postLogin(i < 5 ? "jane" : "guess-" + i, "wrong-password")
                    .expectStatus()
                    .isUnauthorized();
        }
        sessions.anonymous()
                .postLogin("jane", TestAccounts.PASSWORD)
                .expectStatus()
                .isEqualTo(429);

        var browser = new MicrosoftSignInBrowser(sessions);
        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/");
        browser.graphQl()
                .documentName("me")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("jane");
    }

    @Test
    void theFlowUsesPkceStateAndNonceAndTheRedirectUriTheSettingsShow() {
        new MicrosoftSignInBrowser(sessions).signIn("jane@contoso.com");

        Map<String, String> authorize = last(microsoft.authorizeRequests());
        assertThat(authorize)
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "state", "nonce")
                .containsEntry("redirect_uri", sessions.baseUrl() + "/login/oauth2/code/microsoft");
        assertThat(authorize.get("scope")).contains("openid").contains("email");
        Map<String, String> token = last(microsoft.tokenRequests());
        assertThat(token).containsKey("code_verifier").containsEntry("client_id", appId);
    }

    @Test
    void firstSignInCreatesAUserWhenAllowed() {
        settings.update(provisioning(SignInProvisioning.CREATE_ON_FIRST_SIGN_IN), adminId)
                .block();
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("new.hire@contoso.com")).isEqualTo("/");

        browser.graphQl()
                .documentName("me")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("new.hire@contoso.com")
                .path("me.displayName")
                .entity(String.class)
                .isEqualTo("New Hire")
                .path("me.role")
                .entity(String.class)
                .isEqualTo("USER");
        assertThat(new MicrosoftSignInBrowser(sessions).signIn("new.hire@contoso.com"))
                .isEqualTo("/");
        assertThat(db.sql("select count(*) from app_user where email = 'new.hire@contoso.com'")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1);
    }

    @Test
    void existingUsersOnlyRefusesAnUnknownAccount() {
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("new.hire@contoso.com")).isEqualTo("/login?error=microsoft");

        var error = lastError(browser);
        assertThat(error).containsEntry("error", "no_account");
        assertThat((String) error.get("message"))
                .contains("new.hire@contoso.com")
                .contains("administrator");
        browser.graphQl().documentName("me").execute().path("me").valueIsNull();
        lastErrorIsShownOnce(browser);
    }

    @Test
    void aDomainThatIsNotAllowedIsRefused() {
        settings.update(
                        new UpdateMicrosoftSettingsInput(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new DomainsSettingInput(List.of("fabrikam.com"), false),
                                null,
                                null,
                                null),
                        adminId)
                .block();
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/login?error=microsoft");
        assertThat(lastError(browser)).containsEntry("error", "domain_not_allowed");
    }

    @ParameterizedTest
    @CsvSource({
        "consent_required, 65001, must grant admin consent",
        "invalid_request, 90094, must grant admin consent",
        "access_denied, 53003, Conditional Access",
        "interaction_required, 50076, Conditional Access",
        "invalid_request, 50020, not in the configured tenant",
        "invalid_request, 500208, not in the configured tenant",
        "invalid_request, 50194, single-tenant",
        "invalid_request, 50011, register exactly the Redirect URI"
    })
    void errorsFromTheSignInPageAreExplained(String error, int aadsts, String expected) {
        microsoft.failNextAuthorize(error, aadsts, "Scripted failure for the test.");
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/login?error=microsoft");

        var shown = lastError(browser);
        assertThat(shown).containsEntry("error", error).containsEntry("aadsts", "AADSTS" + aadsts);
        assertThat((String) shown.get("message")).contains(expected);
        assertThat((String) shown.get("traceId")).isNotBlank();
        assertThat((String) shown.get("correlationId")).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "401, invalid_client, 7000215, paste the secret value, not the secret ID",
        "401, invalid_client, 7000222, has expired",
        "400, unauthorized_client, 700016, No application with this Application (Client) ID",
        "400, invalid_grant, 700082, reconnect",
        "400, invalid_grant, 70008, reconnect",
        "400, invalid_grant, 50173, reconnect"
    })
    void errorsFromTheTokenEndpointAreExplained(int status, String error, int aadsts, String expected) {
        microsoft.failNextToken(status, error, aadsts, "Scripted failure for the test.");
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/login?error=microsoft");

        var shown = lastError(browser);
        assertThat(shown).containsEntry("aadsts", "AADSTS" + aadsts);
        assertThat((String) shown.get("message")).contains(expected);
    }

    @Test
    void declinedConsentIsExplained() {
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.callback(browser.consent(browser.start(), "jane@contoso.com", false)))
                .isEqualTo("/login?error=microsoft");
        assertThat(lastError(browser)).containsEntry("aadsts", "AADSTS65004");
    }

    @Test
    void aCallbackWithoutAMatchingStateIsRefused() {
        var browser = new MicrosoftSignInBrowser(sessions);
        URI callback = browser.consent(browser.start(), "jane@contoso.com", true);
        URI forged = URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged"));

        assertThat(browser.callback(forged)).isEqualTo("/login?error=microsoft");
        assertThat(lastError(browser)).containsEntry("error", "authorization_request_not_found");
    }

    @Test
    void aReplayedCallbackIsRefused() {
        var browser = new MicrosoftSignInBrowser(sessions);
        URI callback = browser.consent(browser.start(), "jane@contoso.com", true);
        assertThat(browser.callback(callback)).isEqualTo("/");

        var attacker = new MicrosoftSignInBrowser(sessions);
        assertThat(attacker.callback(callback)).isEqualTo("/login?error=microsoft");
        attacker.graphQl().documentName("me").execute().path("me").valueIsNull();
    }

    @Test
    void aReplayedCodeIsRefusedByMicrosoftAndExplained() {
        var first = new MicrosoftSignInBrowser(sessions);
        URI used = first.consent(first.start(), "jane@contoso.com", true);
        first.callback(used);
        String usedCode = used.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        var second = new MicrosoftSignInBrowser(sessions);
        URI fresh = second.consent(second.start(), "jane@contoso.com", true);
        URI withOldCode = URI.create(fresh.toString().replaceAll("code=[^&]+", "code=" + usedCode));

        assertThat(second.callback(withOldCode)).isEqualTo("/login?error=microsoft");
        assertThat(lastError(second)).containsEntry("error", "invalid_grant");
    }

    @Test
    void anIdTokenWithTheWrongNonceIsRefused() {
        microsoft.overrideNextIdToken(Map.of("nonce", "not-the-one-we-sent"));
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/login?error=microsoft");
        assertThat(lastError(browser)).containsEntry("error", "invalid_nonce");
    }

    @Test
    void anIdTokenFromAnotherTenantIsRefusedWhenTheTenantIsFixed() {
        microsoft.overrideNextIdToken(Map.of("tid", FABRIKAM, "iss", microsoft.authority() + "/" + FABRIKAM + "/v2.0"));
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/login?error=microsoft");
        assertThat(lastError(browser)).containsEntry("error", "invalid_id_token");
    }

    @Test
    void anotherTenantsAccountIsAcceptedWithOrganizations() {
        settings.update(
                        new UpdateMicrosoftSettingsInput(
                                null,
                                null,
                                new StringSettingInput("organizations", false),
                                null,
                                null,
                                null,
                                null,
                                new ProvisioningSettingInput(SignInProvisioning.CREATE_ON_FIRST_SIGN_IN, false),
                                null,
                                null),
                        adminId)
                .block();
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("ann@fabrikam.onmicrosoft.com")).isEqualTo("/");
        browser.graphQl()
                .documentName("me")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("ann@fabrikam.onmicrosoft.com");
    }

    @Test
    void aTokenWhoseIssuerDoesNotMatchItsOwnTenantIsRefusedWithOrganizations() {
        settings.update(
                        new UpdateMicrosoftSettingsInput(
                                null,
                                null,
                                new StringSettingInput("organizations", false),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        adminId)
                .block();
        microsoft.overrideNextIdToken(Map.of("iss", microsoft.authority() + "/" + FABRIKAM + "/v2.0"));
        var browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn("jane@contoso.com")).isEqualTo("/login?error=microsoft");
        assertThat(lastError(browser)).containsEntry("error", "invalid_id_token");
    }

    @Test
    void settingsChangedWhileRunningTakeEffectAtOnce() {
        HttpGraphQlTester admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
        admin.documentName("updateMicrosoftSettings")
                .variable("input", Map.of("clientSecret", Map.of("replaceWith", "Wrong8Q~not-the-secret-value")))
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);

        var refused = new MicrosoftSignInBrowser(sessions);
        assertThat(refused.signIn("jane@contoso.com")).isEqualTo("/login?error=microsoft");
        assertThat(lastError(refused)).containsEntry("aadsts", "AADSTS7000215");

        admin.documentName("updateMicrosoftSettings")
                .variable("input", Map.of("clientSecret", Map.of("replaceWith", SECRET)))
                .execute();
        assertThat(new MicrosoftSignInBrowser(sessions).signIn("jane@contoso.com"))
                .isEqualTo("/");

        admin.documentName("updateMicrosoftSettings")
                .variable("input", Map.of("signInEnabled", Map.of("value", false)))
                .execute();
        sessions.anonymous()
                .graphQl()
                .document("{ signInOptions { microsoft } }")
                .execute()
                .path("signInOptions.microsoft")
                .entity(Boolean.class)
                .isEqualTo(false);
        var disabled = new MicrosoftSignInBrowser(sessions);
        assertThat(disabled.start())
                .as("an old link to Microsoft sign-in goes back to the sign-in page")
                .hasToString("/login?error=microsoft");
        assertThat(lastError(disabled)).containsEntry("error", "sign_in_unavailable");
    }

    @Test
    void theSignInPageOffersMicrosoftOnlyWhileEnabled() {
        sessions.anonymous()
                .graphQl()
                .document("{ signInOptions { microsoft microsoftUrl } }")
                .execute()
                .path("signInOptions.microsoft")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("signInOptions.microsoftUrl")
                .entity(String.class)
                .isEqualTo("/oauth2/authorization/microsoft");
    }

    private Map<String, Object> lastError(MicrosoftSignInBrowser browser) {
        return browser.graphQl()
                .document("{ signInOptions { lastError { error aadsts message microsoftDescription "
                        + "traceId correlationId } } }")
                .execute()
                .path("signInOptions.lastError")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private void lastErrorIsShownOnce(MicrosoftSignInBrowser browser) {
        browser.graphQl()
                .document("{ signInOptions { lastError { error } } }")
                .execute()
                .path("signInOptions.lastError")
                .valueIsNull();
    }

    private void save(UpdateMicrosoftSettingsInput input) {
        assertThat(settings.update(input, adminId).block().errors()).isEmpty();
    }

    private static UpdateMicrosoftSettingsInput provisioning(SignInProvisioning provisioning) {
        return new UpdateMicrosoftSettingsInput(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new ProvisioningSettingInput(provisioning, false),
                null,
                null);
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
