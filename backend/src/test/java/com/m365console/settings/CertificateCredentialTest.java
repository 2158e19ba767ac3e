package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.MicrosoftSignInBrowser;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A certificate credential end to end against the local identity platform, which verifies each client assertion
 * (x5t, signature with the registered certificate, aud, iss/sub, exp): Test connection, sign-in, mailbox connection
 * and refresh; an unregistered certificate is refused with AADSTS700027; uploads are checked; users are refused.
 */
class CertificateCredentialTest extends Microsoft365TestBase {

    static final String TEST = "mutation { testMicrosoftConnection { ok message error { aadsts message } } }";
    static final String GENERATE = "mutation { generateMicrosoftCertificate(input: {}) { settings { certificate "
            + "{ thumbprint pem notAfter subject } } errors { field code message } } }";
    static final String UPLOAD = "mutation($input: UploadMicrosoftCertificateInput!) { uploadMicrosoftCertificate("
            + "input: $input) { settings { certificate { thumbprint } } errors { field code message } } }";

    HttpGraphQlTester admin;

    @BeforeEach
    void registerAppWithCertificate() throws Exception {
        resetWithRegisteredApp();
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
        microsoft.addCertificate(clientId, certificate(generate()));
        update(Map.of("credentialType", "CERTIFICATE", "signInEnabled", Map.of("value", true)));
    }

    @Test
    void testConnectionSignsAClientAssertionMicrosoftAccepts() {
        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.ok")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("testMicrosoftConnection.message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("certificate"));
        assertThat(lastTokenRequest())
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsKey("client_assertion")
                .doesNotContainKey("client_secret");
        admin.document("{ microsoftCredentialStatus { kind expiresInDays expiringSoon } }")
                .execute()
                .path("microsoftCredentialStatus.kind")
                .entity(String.class)
                .isEqualTo("CERTIFICATE")
                .path("microsoftCredentialStatus.expiresInDays")
                .entity(Integer.class)
                .satisfies(days -> assertThat(days).isBetween(720, 731))
                .path("microsoftCredentialStatus.expiringSoon")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void aCertificateNotRegisteredInAzureIsRefusedWithMicrosoftsReason() {
        generate();

        admin.document(TEST)
                .execute()
                .path("testMicrosoftConnection.ok")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("testMicrosoftConnection.error.aadsts")
                .entity(String.class)
                .isEqualTo("AADSTS700027")
                .path("testMicrosoftConnection.message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("not registered on application"));
    }

    @Test
    void signInWithMicrosoftWorksWithTheCertificate() {
        db.sql("update app_user set email = :email where username = 'jane'")
                .bind("email", JANE)
                .then()
                .block();
        MicrosoftSignInBrowser browser = new MicrosoftSignInBrowser(sessions);

        assertThat(browser.signIn(JANE)).isEqualTo("/");

        browser.graphQl()
                .document("{ me { username } }")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("jane");
        assertThat(lastTokenRequest())
                .containsEntry("grant_type", "authorization_code")
                .containsKey("client_assertion")
                .doesNotContainKey("client_secret");
    }

    @Test
    void aMailboxConnectsAndRefreshesWithTheCertificate() {
        Sessions.Browser jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        UUID mailboxId = connect(jane, JANE, Map.of());
        assertThat(lastTokenRequest()).containsEntry("grant_type", "authorization_code");
        assertThat(lastTokenRequest()).containsKey("client_assertion").doesNotContainKey("client_secret");

        db.sql("update mailbox_token set access_expires_at = now() where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        jane.graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true);

        assertThat(lastTokenRequest())
                .containsEntry("grant_type", "refresh_token")
                .containsKey("client_assertion")
                .doesNotContainKey("client_secret");
    }

    @Test
    void uploadsAreCheckedAndAGoodOneReplacesTheCertificate() {
        ClientCertificate good = CertificatePems.generate("Uploaded", Period.ofMonths(12));
        ClientCertificate other = CertificatePems.generate("Other", Period.ofMonths(12));
        ClientCertificate expired = CertificatePems.generate("Expired", Period.ofMonths(-1));
        String key = CertificatePems.keyPem(good.privateKey());

        assertThat(uploadErrors(CertificatePems.keyPem(other.privateKey()), good.pem()))
                .containsExactly(List.of("privateKeyPem", "KEY_DOES_NOT_MATCH_CERTIFICATE"));
        assertThat(uploadErrors(CertificatePems.keyPem(expired.privateKey()), expired.pem()))
                .containsExactly(List.of("certificatePem", "CERTIFICATE_EXPIRED"));
        assertThat(uploadErrors("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----", good.pem()))
                .containsExactly(List.of("privateKeyPem", "INVALID_FORMAT"));
        assertThat(uploadErrors(key, "no certificate")).containsExactly(List.of("certificatePem", "INVALID_FORMAT"));

        admin.document(UPLOAD)
                .variable("input", Map.of("privateKeyPem", key, "certificatePem", good.pem()))
                .execute()
                .path("uploadMicrosoftCertificate.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("uploadMicrosoftCertificate.settings.certificate.thumbprint")
                .entity(String.class)
                .isEqualTo(good.thumbprint());
        admin.documentName("settingChanges")
                .execute()
                .path("settingChanges[0].setting")
                .entity(String.class)
                .isEqualTo("certificateKey")
                .path("settingChanges[0].action")
                .entity(String.class)
                .isEqualTo("SECRET_REPLACED")
                .path("settingChanges[1].setting")
                .entity(String.class)
                .isEqualTo("certificate")
                .path("settingChanges[1].newValue")
                .entity(String.class)
                .isEqualTo(good.thumbprint());
    }

    @Test
    void choosingCertificateWithoutOneOrClearingTheOneInUseIsRefused() {
        update(Map.of("clearCertificate", true))
                .path("updateMicrosoftSettings.errors[0].field")
                .entity(String.class)
                .isEqualTo("clearCertificate");
        update(Map.of("credentialType", "CLIENT_SECRET", "clearCertificate", true))
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
        update(Map.of("credentialType", "CERTIFICATE"))
                .path("updateMicrosoftSettings.errors[0].code")
                .entity(String.class)
                .isEqualTo("PRECONDITION_FAILED");
    }

    @Test
    void usersMayNotManageCertificatesNorSeeTheCredentialStatus() {
        HttpGraphQlTester bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
        for (String document : List.of(GENERATE, "{ microsoftCredentialStatus { message } }")) {
            bob.document(document)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .extracting(error -> error.getErrorType().toString())
                            .containsExactly("FORBIDDEN"));
        }
    }

    /** Generates a certificate on Microsoft Settings; answers its PEM (the download). */
    private String generate() {
        return admin.document(GENERATE)
                .execute()
                .path("generateMicrosoftCertificate.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("generateMicrosoftCertificate.settings.certificate.pem")
                .entity(String.class)
                .get();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response update(Map<String, Object> input) {
        return admin.documentName("updateMicrosoftSettings")
                .variable("input", input)
                .execute();
    }

    private List<List<String>> uploadErrors(String key, String certificate) {
        List<Map<String, Object>> errors = admin.document(UPLOAD)
                .variable("input", Map.of("privateKeyPem", key, "certificatePem", certificate))
                .execute()
                .path("uploadMicrosoftCertificate.errors")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        return errors.stream()
                .map(error -> List.of(String.valueOf(error.get("field")), String.valueOf(error.get("code"))))
                .toList();
    }

    private static Map<String, String> lastTokenRequest() {
        List<Map<String, String>> requests = microsoft.tokenRequests();
        return requests.get(requests.size() - 1);
    }

    static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
