package com.m365console.testsupport.microsoft;

import static com.m365console.testsupport.microsoft.FakeMicrosoftClient.json;
import static com.m365console.testsupport.microsoft.FakeMicrosoftClient.location;
import static com.m365console.testsupport.microsoft.FakeMicrosoftClient.s256;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeMicrosoftIdentityPlatformTest {

    static final String CONTOSO = "5f1c2b3a-0d4e-4f6a-9b8c-7d6e5f4a3b2c";
    static final String FABRIKAM = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final String CLIENT = "11111111-2222-4333-8444-555555555555";
    static final String MULTI = "99999999-8888-4777-8666-555555555555";
    static final String SECRET = "s3cr3t~value";
    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/microsoft";
    static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";
    static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ";

    FakeMicrosoftIdentityPlatform fake;
    FakeMicrosoftClient client;
    String b;

    @BeforeEach
    void start() {
        fake = FakeMicrosoftIdentityPlatform.start()
                .addTenant(CONTOSO, "contoso.onmicrosoft.com", "contoso.com")
                .addTenant(FABRIKAM, "fabrikam.onmicrosoft.com")
                .registerApp(CLIENT, SECRET, CONTOSO, false, REDIRECT)
                .registerApp(MULTI, SECRET, CONTOSO, true, REDIRECT)
                .nameApp(CLIENT, "M365 Console")
                .addAccount(CONTOSO, "0a0b0c0d-0000-4000-8000-000000000001", "adele@contoso.com", "Adele Vance")
                .addAccount(FABRIKAM, "0a0b0c0d-0000-4000-8000-000000000002", "bob@fabrikam.com", "Bob Kelly");
        b = fake.authority();
        client = new FakeMicrosoftClient(b, CLIENT, SECRET, REDIRECT);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void discoveryNamesTheTenantGuidOrTheTenantIdTemplate() {
        assertThat(json(client.get(b + "/" + CONTOSO + "/v2.0/.well-known/openid-configuration")))
                .containsEntry("issuer", b + "/" + CONTOSO + "/v2.0")
                .containsEntry("token_endpoint", b + "/" + CONTOSO + "/oauth2/v2.0/token")
                .containsEntry("authorization_endpoint", b + "/" + CONTOSO + "/oauth2/v2.0/authorize")
                .containsEntry("jwks_uri", b + "/" + CONTOSO + "/discovery/v2.0/keys")
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsKeys("end_session_endpoint", "claims_supported", "tenant_region_scope", "scopes_supported");
        assertThat(json(client.get(b + "/contoso.com/v2.0/.well-known/openid-configuration")))
                .containsEntry("issuer", b + "/" + CONTOSO + "/v2.0");
        assertThat(json(client.get(b + "/organizations/v2.0/.well-known/openid-configuration")))
                .containsEntry("issuer", b + "/{tenantid}/v2.0")
                .containsEntry("token_endpoint", b + "/organizations/oauth2/v2.0/token");
        assertThat(json(client.get(b + "/consumers/v2.0/.well-known/openid-configuration")))
                .containsEntry("issuer", b + "/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0");

        HttpResponse<String> unknown = client.get(b + "/nowhere.example/v2.0/.well-known/openid-configuration");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown)).containsEntry("error", "invalid_tenant").containsEntry("error_codes", List.of(90002));
    }

    @Test
    void codeFlowWithPkceGivesAnIdTokenSignedWithTheJwksKey() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String url = client.authorizeUrl(
                "contoso.onmicrosoft.com",
                "openid profile email offline_access",
                Map.of(
                        "code_challenge",
                        s256(verifier),
                        "code_challenge_method",
                        "S256",
                        "login_hint",
                        "adele@contoso.com"));
        HttpResponse<String> page = client.get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        String action = URI.create(url).getRawPath() + "?"
                + URI.create(url).getRawQuery().replace("&", "&amp;");
        assertThat(page.body())
                .contains(
                        "<title>Sign in to your account</title>",
                        "M365 Console",
                        "<label for=\"i0116\">Email, phone, or Skype</label>",
                        "value=\"adele@contoso.com\"",
                        "name=\"consent\" value=\"accept\">Accept<",
                        "name=\"consent\" value=\"cancel\">Cancel<",
                        "<form method=\"post\" action=\"" + action + "\"");
        assertThat(fake.authorizeRequests())
                .singleElement()
                .satisfies(query ->
                        assertThat(query).containsEntry("nonce", "n-0S6_WzA2Mj").containsEntry("client_id", CLIENT));

        Map<String, String> callback = signIn(url, "adele@contoso.com", "accept");
        assertThat(callback).containsKeys("code", "session_state").containsEntry("state", "af0ifjsldkj");

        Map<String, Object> tokens = json(client.redeem("contoso.onmicrosoft.com", callback.get("code"), verifier));
        assertThat(tokens)
                .containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", 3599)
                .containsEntry("ext_expires_in", 3599)
                .containsKeys("access_token", "refresh_token", "id_token");
        assertThat(fake.validAccessTokens()).contains((String) tokens.get("access_token"));

        SignedJWT idToken = SignedJWT.parse((String) tokens.get("id_token"));
        JWKSet jwks = JWKSet.parse(
                client.get(b + "/" + CONTOSO + "/discovery/v2.0/keys").body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(idToken.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(idToken.getPayload().toJSONObject())
                .containsEntry("aud", CLIENT)
                .containsEntry("iss", b + "/" + CONTOSO + "/v2.0")
                .containsEntry("tid", CONTOSO)
                .containsEntry("nonce", "n-0S6_WzA2Mj")
                .containsEntry("ver", "2.0")
                .containsEntry("preferred_username", "adele@contoso.com")
                .containsEntry("name", "Adele Vance")
                .containsEntry("oid", "0a0b0c0d-0000-4000-8000-000000000001")
                .containsKeys("sub", "email", "uti", "rh", "iat", "nbf", "exp");

        HttpResponse<String> replay = client.redeem("contoso.onmicrosoft.com", callback.get("code"), verifier);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay)).containsEntry("error", "invalid_grant").containsEntry("error_codes", List.of(54005));
    }

    @Test
    void wrongPkceVerifierOrRedirectUriIsAnInvalidGrant() {
        String challenge = s256("right-verifier-0123456789-0123456789-0123");
        String code = signIn(
                        client.authorizeUrl(CONTOSO, "openid", Map.of("code_challenge", challenge)),
                        "adele@contoso.com",
                        "accept")
                .get("code");
        assertThat(json(client.redeem(CONTOSO, code, "wrong-verifier"))).containsEntry("error_codes", List.of(501481));
        Map<String, Object> mismatch = json(client.post(
                client.tokenUrl(CONTOSO),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT + "/other",
                        "client_id",
                        CLIENT,
                        "client_secret",
                        SECRET)));
        assertThat(mismatch).containsEntry("error", "invalid_grant").containsEntry("error_codes", List.of(500112));
    }

    @Test
    void wrongSecretIsA401WithMicrosoftsErrorShape() {
        HttpResponse<String> response = client.clientCredentials(CONTOSO, GRAPH_DEFAULT, "the-secret-id");
        assertThat(response.statusCode()).isEqualTo(401);
        Map<String, Object> error = json(response);
        assertThat(error)
                .containsEntry("error", "invalid_client")
                .containsEntry("error_codes", List.of(7000215))
                .containsEntry("error_uri", b + "/error?code=7000215");
        assertThat((String) error.get("trace_id")).matches(GUID);
        assertThat((String) error.get("correlation_id")).matches(GUID);
        assertThat((String) error.get("timestamp")).matches(TIMESTAMP);
        assertThat((String) error.get("error_description"))
                .startsWith("AADSTS7000215: Invalid client secret provided.")
                .contains(
                        "for a secret added to app '" + CLIENT + "'.",
                        "Trace ID: " + error.get("trace_id"),
                        "Correlation ID: " + error.get("correlation_id"),
                        "Timestamp: " + error.get("timestamp"));
        assertThat(fake.tokenRequests())
                .singleElement()
                .satisfies(form -> assertThat(form).containsEntry("client_secret", "the-secret-id"));

        fake.expireSecret(CLIENT);
        assertThat(json(client.clientCredentials(CONTOSO, GRAPH_DEFAULT, SECRET)))
                .containsEntry("error", "invalid_client")
                .containsEntry("error_codes", List.of(7000222));
    }

    @Test
    void cancelRedirectsWithAccessDeniedAndAadsts65004() {
        Map<String, String> callback = signIn(client.authorizeUrl(CONTOSO, "openid", Map.of()), "", "cancel");
        assertThat(callback)
                .containsEntry("error", "access_denied")
                .containsEntry("state", "af0ifjsldkj")
                .containsEntry("error_uri", b + "/error?code=65004");
        assertThat(callback.get("error_description"))
                .matches("AADSTS65004: User declined to consent to access " + "the app\\. Trace ID: " + GUID
                        + " Correlation ID: " + GUID + " Timestamp: " + TIMESTAMP);
    }

    @Test
    void authorizeErrorsThatMicrosoftShowsOnItsOwnPageOrSendsBack() {
        FakeMicrosoftClient unknownApp = client.withClient("00000000-0000-4000-8000-000000000000");
        HttpResponse<String> unknownAppPage = client.get(unknownApp.authorizeUrl(CONTOSO, "openid", Map.of()));
        assertThat(unknownAppPage.statusCode()).isEqualTo(400);
        assertThat(unknownAppPage.body()).contains("AADSTS700016");
        String badRedirect = client.authorizeUrl(CONTOSO, "openid", Map.of()).replace("localhost", "evil.example");
        assertThat(client.get(badRedirect).statusCode()).isEqualTo(400);
        assertThat(client.get(badRedirect).body()).contains("AADSTS50011");

        HttpResponse<String> viaOrganizations = client.get(client.authorizeUrl("organizations", "openid", Map.of()));
        assertThat(viaOrganizations.statusCode()).isEqualTo(302);
        assertThat(location(viaOrganizations))
                .containsEntry("error", "invalid_request")
                .hasEntrySatisfying("error_description", d -> assertThat(d).startsWith("AADSTS50194: "));

        assertThat(signIn(client.authorizeUrl(CONTOSO, "openid", Map.of()), "bob@fabrikam.com", "accept"))
                .hasEntrySatisfying("error_description", d -> assertThat(d).startsWith("AADSTS50020: "));
        HttpResponse<String> unknownAccount =
                client.consent(client.authorizeUrl(CONTOSO, "openid", Map.of()), "nobody@contoso.com", "accept");
        assertThat(unknownAccount.statusCode()).isEqualTo(200);
        assertThat(unknownAccount.body()).contains("role=\"alert\"", "value=\"nobody@contoso.com\"");

        fake.failNextAuthorize("interaction_required", 53003, "Access has been blocked by Conditional Access.");
        assertThat(signIn(client.authorizeUrl(CONTOSO, "openid", Map.of()), "adele@contoso.com", "accept"))
                .containsEntry("error", "interaction_required")
                .hasEntrySatisfying("error_description", d -> assertThat(d).startsWith("AADSTS53003: Access has"));
    }

    @Test
    void multiTenantSignInViaOrganizationsUsesTheAccountsTenantAndOverridesStaySigned() throws Exception {
        FakeMicrosoftClient multi = client.withClient(MULTI);
        fake.overrideNextIdToken(Map.of("nonce", "forged"));
        String code = signIn(
                        multi.authorizeUrl("organizations", "openid profile", Map.of()), "bob@fabrikam.com", "accept")
                .get("code");
        Map<String, Object> tokens = json(multi.redeem("organizations", code, null));
        assertThat(tokens).doesNotContainKey("refresh_token");
        SignedJWT idToken = SignedJWT.parse((String) tokens.get("id_token"));
        assertThat(idToken.getJWTClaimsSet().getClaims())
                .containsEntry("tid", FABRIKAM)
                .containsEntry("iss", b + "/" + FABRIKAM + "/v2.0")
                .containsEntry("nonce", "forged");
        JWKSet jwks = JWKSet.parse(
                client.get(b + "/organizations/discovery/v2.0/keys").body());
        assertThat(idToken.verify(new RSASSAVerifier((RSAKey) jwks.getKeys().get(0))))
                .isTrue();

        HttpResponse<String> userinfo =
                client.get(b + "/oidc/userinfo", "Authorization", "Bearer " + tokens.get("access_token"));
        assertThat(json(userinfo))
                .containsEntry("sub", idToken.getJWTClaimsSet().getSubject())
                .containsEntry("email", "bob@fabrikam.com");
    }

    @Test
    void clientCredentialsNeedADotDefaultScopeAndAcceptHttpBasic() {
        String basic = Base64.getEncoder()
                .encodeToString((CLIENT + ":" + Http.encode(SECRET)).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> tokens = json(client.post(
                client.tokenUrl(CONTOSO),
                Map.of("grant_type", "client_credentials", "scope", GRAPH_DEFAULT),
                "Authorization",
                "Basic " + basic));
        assertThat(tokens.keySet()).containsExactly("token_type", "expires_in", "ext_expires_in", "access_token");
        assertThat(fake.accessToken((String) tokens.get("access_token")))
                .hasValueSatisfying(grant -> assertThat(grant.appOnly()).isTrue());

        assertThat(json(client.clientCredentials(CONTOSO, "User.Read", SECRET)))
                .containsEntry("error", "invalid_scope")
                .containsEntry("error_codes", List.of(1002012));

        fake.failNextToken(500, "temporarily_unavailable", 90006, "The service is temporarily unavailable.");
        HttpResponse<String> outage = client.clientCredentials(CONTOSO, GRAPH_DEFAULT, SECRET);
        assertThat(outage.statusCode()).isEqualTo(500);
        assertThat(json(outage)).containsEntry("error", "temporarily_unavailable");
    }

    @Test
    void refreshRotatesTheRefreshTokenAndRefusesTheOldOne() {
        String code = signIn(
                        client.authorizeUrl(
                                CONTOSO, "offline_access https://outlook.office.com/IMAP.AccessAsUser.All", Map.of()),
                        "adele@contoso.com",
                        "accept")
                .get("code");
        String first = (String) json(client.redeem(CONTOSO, code, null)).get("refresh_token");
        Map<String, Object> refreshed = json(client.refresh(CONTOSO, first));
        assertThat(refreshed).containsKeys("access_token", "refresh_token").doesNotContainKey("id_token");
        String second = (String) refreshed.get("refresh_token");
        assertThat(second).isNotEqualTo(first);
        HttpResponse<String> reused = client.refresh(CONTOSO, first);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused)).containsEntry("error", "invalid_grant").containsEntry("error_codes", List.of(70008));

        fake.revokeGrants("adele@contoso.com");
        assertThat(json(client.refresh(CONTOSO, second)))
                .containsEntry("error", "invalid_grant")
                .containsEntry("error_codes", List.of(50173));
    }

    @Test
    void refreshGivesTheRequestedScopeOfWhatTheGrantConsentedToAndRefusesMore() {
        String imap = "https://outlook.office.com/IMAP.AccessAsUser.All";
        String graphMail = "https://graph.microsoft.com/Mail.ReadWrite";
        String code = signIn(
                        client.authorizeUrl(CONTOSO, "openid offline_access " + imap, Map.of()),
                        "adele@contoso.com",
                        "accept")
                .get("code");
        String first = (String) json(client.redeem(CONTOSO, code, null)).get("refresh_token");

        HttpResponse<String> otherResource = client.refresh(CONTOSO, first, "offline_access " + graphMail);
        assertThat(otherResource.statusCode()).isEqualTo(400);
        assertThat(json(otherResource))
                .containsEntry("error", "invalid_grant")
                .containsEntry("error_codes", List.of(65001))
                .containsEntry("suberror", "consent_required");
        assertThat((String) json(otherResource).get("error_description"))
                .startsWith("AADSTS65001: The user or administrator has not consented to use the application");

        Map<String, Object> refreshed = json(client.refresh(CONTOSO, first, "offline_access " + imap));
        assertThat(refreshed).containsEntry("scope", "offline_access " + imap);
        assertThat(fake.accessToken((String) refreshed.get("access_token")))
                .hasValueSatisfying(grant -> assertThat(grant.scope()).isEqualTo("offline_access " + imap));
        String second = (String) refreshed.get("refresh_token");
        assertThat(json(client.refresh(CONTOSO, second, imap.toLowerCase(java.util.Locale.ROOT))))
                .as("scopes compare case-insensitively; the rotated token keeps the consent")
                .containsKey("access_token");
    }

    @Test
    void introspectionSaysWhichAccessTokensAreActiveAndForWhom() {
        String code = signIn(
                        client.authorizeUrl(
                                CONTOSO, "offline_access https://outlook.office.com/IMAP.AccessAsUser.All", Map.of()),
                        "adele@contoso.com",
                        "accept")
                .get("code");
        Map<String, Object> tokens = json(client.redeem(CONTOSO, code, null));
        String accessToken = (String) tokens.get("access_token");
        assertThat(accessToken.length())
                .as("short enough for Dovecot's 1 KB SMTP AUTH line")
                .isLessThan(700);

        assertThat(json(client.post(fake.introspectionUrl(), Map.of("token", accessToken))))
                .containsEntry("active", true)
                .containsEntry("username", "adele@contoso.com")
                .containsEntry("client_id", CLIENT);
        assertThat(json(client.post(fake.introspectionUrl(), Map.of("token", "never-issued"))))
                .containsExactlyEntriesOf(Map.of("active", false));

        fake.revokeGrants("adele@contoso.com");
        assertThat(json(client.post(fake.introspectionUrl(), Map.of("token", accessToken))))
                .containsExactlyEntriesOf(Map.of("active", false));
        String code2 = signIn(
                        client.authorizeUrl(CONTOSO, "https://outlook.office.com/IMAP.AccessAsUser.All", Map.of()),
                        "adele@contoso.com",
                        "accept")
                .get("code");
        String afterRevocation =
                (String) json(client.redeem(CONTOSO, code2, null)).get("access_token");
        assertThat(json(client.post(fake.introspectionUrl(), Map.of("token", afterRevocation))))
                .as("issued after the revocation")
                .containsEntry("active", true);

        fake.expireAccessTokens();
        assertThat(json(client.post(fake.introspectionUrl(), Map.of("token", afterRevocation))))
                .containsExactlyEntriesOf(Map.of("active", false));
    }

    @Test
    void aCodeRedeemedConcurrentlySucceedsExactlyOnce() throws Exception {
        String code = signIn(client.authorizeUrl(CONTOSO, "openid", Map.of()), "adele@contoso.com", "accept")
                .get("code");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> attempts =
                    pool.invokeAll(Collections.nCopies(8, () -> client.redeem(CONTOSO, code, null)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> attempt : attempts) {
                statuses.add(attempt.get().statusCode());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posts the sign-in page and returns the parameters the fake redirected back to the app with. */
    private Map<String, String> signIn(String authorizeUrl, String login, String choice) {
        HttpResponse<String> response = client.consent(authorizeUrl, login, choice);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT + "?");
        return location(response);
    }
}
