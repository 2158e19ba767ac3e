package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads and generates certificate credentials with request and SQL logging at DEBUG and proves that no line of
 * either private key appears in any API response, log line, audit row, or the database as plain text, while the
 * stored key still signs (it is the one the app loads).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivateKeyCanaryTest {

    static final List<String> VERBOSE_LOGGERS = List.of(
            "org.springframework.graphql",
            "org.springframework.web",
            "org.springframework.security",
            "org.springframework.r2dbc",
            "io.r2dbc.postgresql.QUERY");
    static final String FIELDS = "{ settings { certificate { thumbprint pem } } errors { field code message } }";

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    @Autowired
    MicrosoftSettingsService service;

    @BeforeEach
    void debugLogging() {
        VERBOSE_LOGGERS.forEach(logger -> logging().setLogLevel(logger, LogLevel.DEBUG));
        accounts.reset();
        accounts.create("alice", "ADMIN");
    }

    @AfterEach
    void normalLogging() {
        VERBOSE_LOGGERS.forEach(logger -> logging().setLogLevel(logger, null));
    }

    @Test
    void privateKeysAreUsableButNeverShown(CapturedOutput output) {
        ClientCertificate canary = CertificatePems.generate("Canary", Period.ofMonths(6));
        String keyPem = CertificatePems.keyPem(canary.privateKey());
        ClientCertificate mismatched = CertificatePems.generate("Mismatched", Period.ofMonths(6));
        List<String> responses = new ArrayList<>();

        responses.add(post(
                "mutation($input: UploadMicrosoftCertificateInput!) { uploadMicrosoftCertificate(input: $input) "
                        + FIELDS + " }",
                Map.of("input", Map.of("privateKeyPem", keyPem, "certificatePem", mismatched.pem()))));
        responses.add(post(
                "mutation($input: UploadMicrosoftCertificateInput!) { uploadMicrosoftCertificate(input: $input) "
                        + FIELDS + " }",
                Map.of("input", Map.of("privateKeyPem", keyPem, "certificatePem", canary.pem()))));
        assertThat(service.credentials().block().certificate().privateKey().getEncoded())
                .isEqualTo(canary.privateKey().getEncoded());
        responses.add(
                post("mutation { generateMicrosoftCertificate(input: {validityMonths: 3}) " + FIELDS + " }", Map.of()));
        String generatedKey = CertificatePems.keyPem(
                service.credentials().block().certificate().privateKey());
        responses.add(post(
                "{ microsoftSettings { certificate { thumbprint pem } } settingChanges { setting action oldValue "
                        + "newValue } microsoftCredentialStatus { message } }",
                Map.of()));

        assertThat(responses.get(0)).contains("KEY_DOES_NOT_MATCH_CERTIFICATE");
        assertThat(responses.get(1)).contains(canary.thumbprint());
        List<String> secrets = new ArrayList<>(keyLines(keyPem));
        secrets.addAll(keyLines(generatedKey));
        String audit = String.join(
                "\n",
                db.sql("select coalesce(old_value, '') || ' ' || coalesce(new_value, '') from system_setting_change")
                        .map(row -> row.get(0, String.class))
                        .all()
                        .collectList()
                        .block());
        String stored = new String(
                db.sql("select secret_ciphertext from system_setting where name = 'microsoft.certificate_key'")
                        .map(row -> row.get(0, byte[].class))
                        .one()
                        .block(),
                StandardCharsets.ISO_8859_1);
        for (String line : secrets) {
            assertThat(responses).allSatisfy(body -> assertThat(body).doesNotContain(line));
            assertThat(output.getAll()).doesNotContain(line);
            assertThat(audit).doesNotContain(line);
            assertThat(stored).doesNotContain(line);
        }
    }

    /** The base64 lines of a PEM key (each a part of the key no one may see). */
    private static List<String> keyLines(String pem) {
        return Arrays.stream(pem.split("\\R"))
                .filter(line -> !line.startsWith("-----") && line.length() >= 32)
                .toList();
    }

    private String post(String query, Map<String, Object> variables) {
        String body = JsonMapper.builder().build().writeValueAsString(Map.of("query", query, "variables", variables));
        return new String(
                sessions.signIn("alice", TestAccounts.PASSWORD)
                        .client()
                        .post()
                        .uri("/graphql")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
    }

    private static LoggingSystem logging() {
        return LoggingSystem.get(PrivateKeyCanaryTest.class.getClassLoader());
    }
}
