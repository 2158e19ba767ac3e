package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * With m365.public-base-url set, the Redirect URI shown, sent to Microsoft at sign-in and at mailbox
 * connection is that URL, whatever Host or forwarded headers a request carries, even with forwarded
 * headers trusted.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"m365.public-base-url=https://console.example.com/", "server.forward-headers-strategy=framework"})
class ConfiguredRedirectUriTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static final String CONFIGURED = "https://console.example.com" + RedirectUris.MICROSOFT_CALLBACK_PATH;

    static final FakeMicrosoftIdentityPlatform microsoft =
            FakeMicrosoftIdentityPlatform.start().addTenant(TENANT, "contoso.onmicrosoft.com");

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

    Sessions.Browser admin;

    @BeforeEach
    void enableSignInAndMailboxes() {
        accounts.reset();
        UUID adminId = accounts.create("alice", "ADMIN");
        settings.update(
                        new UpdateMicrosoftSettingsInput(
                                new StringSettingInput(CLIENT_ID, false),
                                new SecretSettingInput("Cfg8Q~" + UUID.randomUUID(), false),
                                new StringSettingInput(TENANT, false),
                                null,
                                new BooleanSettingInput(true, false),
                                new BooleanSettingInput(true, false),
                                new DomainsSettingInput(List.of(), false),
                                null,
                                null,
                                null),
                        adminId)
                .block();
        admin = sessions.signIn("alice", TestAccounts.PASSWORD);
    }

    @Test
    void theScreenShowsTheConfiguredValueWhateverTheRequestSays() {
        var result = RedirectUriFromRequestTest.settings(stranger(admin.graphQl()));
        assertThat(result.path("redirectUri")).isEqualTo(CONFIGURED);
        assertThat(result.path("redirectUriSource")).isEqualTo("CONFIGURED");
        assertThat(result.path("forwardedHeadersTrusted")).isEqualTo(true);
        assertThat(result.path("requestBaseUrl")).isEqualTo("https://attacker.example");
    }

    @Test
    void signInSendsMicrosoftTheConfiguredValue() {
        URI location = sessions.client()
                .get()
                .uri("/oauth2/authorization/microsoft")
                .headers(ConfiguredRedirectUriTest::strangersHeaders)
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation();
        assertThat(redirectUriOf(location.toString())).isEqualTo(CONFIGURED);
    }

    @Test
    void mailboxConnectionSendsMicrosoftTheConfiguredValue() {
        String url = stranger(admin.graphQl())
                .documentName("startMailboxConnection")
                .variable("input", Map.of())
                .execute()
                .path("startMailboxConnection.authorizationUrl")
                .entity(String.class)
                .get();
        assertThat(redirectUriOf(url)).isEqualTo(CONFIGURED);
    }

    private static HttpGraphQlTester stranger(HttpGraphQlTester tester) {
        return tester.mutate()
                .headers(ConfiguredRedirectUriTest::strangersHeaders)
                .build();
    }

    private static void strangersHeaders(HttpHeaders headers) {
        headers.set("X-Forwarded-Host", "attacker.example");
        headers.set("X-Forwarded-Proto", "https");
    }

    private static String redirectUriOf(String url) {
        return UriComponentsBuilder.fromUriString(url)
                .build()
                .getQueryParams()
                .getFirst("redirect_uri")
                .replace("%3A", ":")
                .replace("%2F", "/");
    }
}
