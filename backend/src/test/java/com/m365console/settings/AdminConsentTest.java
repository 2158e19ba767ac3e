package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.MicrosoftSignInBrowser;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Consent errors (AADSTS65001, AADSTS90094) carry the admin-consent link for the tenant and cloud, the link
 * works at Microsoft, and Microsoft's answer lands on Microsoft Settings instead of a refused sign-in.
 */
@IntegrationTest
class AdminConsentTest {

    static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String SECRET = "Cns8Q~" + UUID.randomUUID().toString().replace("-", "");

    static final FakeMicrosoftIdentityPlatform microsoft = FakeMicrosoftIdentityPlatform.start()
            .addTenant(CONTOSO, "contoso.onmicrosoft.com", "contoso.com")
            .addAccount(CONTOSO, UUID.randomUUID().toString(), "jane@contoso.com", "Jane Doe");

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

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String appId;

    @BeforeEach
    void register() {
        accounts.reset();
        UUID adminId = accounts.create("alice", "ADMIN");
        accounts.create("jane", "USER");
        db.sql("update app_user set email = 'jane@contoso.com' where username = 'jane'")
                .then()
                .block();
        appId = UUID.randomUUID().toString();
        String redirectUri = sessions.baseUrl() + RedirectUris.MICROSOFT_CALLBACK_PATH;
        microsoft.registerApp(appId, SECRET, CONTOSO, true, redirectUri);
        settings.update(
                        new UpdateMicrosoftSettingsInput(
                                new StringSettingInput(appId, false),
                                new SecretSettingInput(SECRET, false),
                                new StringSettingInput(CONTOSO, false),
                                null,
                                new BooleanSettingInput(true, false),
                                null,
                                new DomainsSettingInput(List.of(), false),
                                new ProvisioningSettingInput(SignInProvisioning.EXISTING_USERS_ONLY, false),
                                null,
                                null),
                        adminId)
                .block();
    }

    @ParameterizedTest
    @ValueSource(ints = {65001, 90094})
    void aConsentErrorGivesTheAdminConsentLinkForTheTenant(int aadsts) {
        microsoft.failNextAuthorize("consent_required", aadsts, "Scripted: consent needed.");
        var browser = new MicrosoftSignInBrowser(sessions);
        browser.signIn("jane@contoso.com");

        URI link = URI.create(consentUrl(browser));

        assertThat(link.getScheme() + "://" + link.getAuthority() + link.getPath())
                .isEqualTo(microsoft.authority() + "/" + CONTOSO + "/adminconsent");
        var query = UriComponentsBuilder.fromUri(link).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo(appId);
        assertThat(decoded(query.getFirst("redirect_uri")))
                .isEqualTo(sessions.baseUrl() + RedirectUris.MICROSOFT_CALLBACK_PATH);
        assertThat(link.toString()).doesNotContain(SECRET);
    }

    @Test
    void otherErrorsHaveNoConsentLink() {
        microsoft.failNextAuthorize("access_denied", 53003, "Scripted: blocked by policy.");
        var browser = new MicrosoftSignInBrowser(sessions);
        browser.signIn("jane@contoso.com");

        browser.graphQl()
                .document("{ signInOptions { lastError { aadsts consentUrl } } }")
                .execute()
                .path("signInOptions.lastError.aadsts")
                .entity(String.class)
                .isEqualTo("AADSTS53003")
                .path("signInOptions.lastError.consentUrl")
                .valueIsNull();
    }

    @Test
    void grantedConsentLandsOnMicrosoftSettings() throws Exception {
        microsoft.failNextAuthorize("consent_required", 65001, "Scripted: consent needed.");
        var browser = new MicrosoftSignInBrowser(sessions);
        browser.signIn("jane@contoso.com");

        var atMicrosoft = get(URI.create(consentUrl(browser)));
        assertThat(atMicrosoft.statusCode()).isEqualTo(302);
        URI backToApp = URI.create(atMicrosoft.headers().firstValue("Location").orElseThrow());
        assertThat(backToApp.toString()).startsWith(sessions.baseUrl() + RedirectUris.MICROSOFT_CALLBACK_PATH);

        var answer = get(backToApp);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue("/system/config/integrations/microsoft?adminConsent=granted");
    }

    @Test
    void refusedConsentSaysSoWithMicrosoftsCode() throws Exception {
        URI refused = URI.create(sessions.baseUrl() + RedirectUris.MICROSOFT_CALLBACK_PATH
                + "?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent.&state="
                + AdminConsent.STATE);

        var answer = get(refused);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue("/system/config/integrations/microsoft?adminConsent=refused&aadsts=AADSTS65004");
    }

    private String consentUrl(MicrosoftSignInBrowser browser) {
        return browser.graphQl()
                .document("{ signInOptions { lastError { aadsts consentUrl } } }")
                .execute()
                .path("signInOptions.lastError.consentUrl")
                .entity(String.class)
                .get();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String decoded(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
