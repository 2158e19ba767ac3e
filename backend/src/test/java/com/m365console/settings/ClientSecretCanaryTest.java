package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.nio.charset.StandardCharsets;
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
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Saves known secret values and proves they appear nowhere they must not: not in any API response,
 * not in the log (even with request and SQL logging at DEBUG), not in the database as plain text.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ClientSecretCanaryTest {

    static final List<String> VERBOSE_LOGGERS = List.of(
            "org.springframework.graphql",
            "org.springframework.web",
            "org.springframework.security",
            "org.springframework.r2dbc",
            "io.r2dbc.postgresql.QUERY");

    static final String CANARY =
            "Canary8Q~" + java.util.UUID.randomUUID().toString().replace("-", "");
    static final String GUID_CANARY = java.util.UUID.randomUUID().toString();

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    @Autowired
    MicrosoftSettingsService service;

    HttpGraphQlTester admin;

    @BeforeEach
    void debugLogging() {
        VERBOSE_LOGGERS.forEach(logger -> logging().setLogLevel(logger, LogLevel.DEBUG));
    }

    @AfterEach
    void normalLogging() {
        VERBOSE_LOGGERS.forEach(logger -> logging().setLogLevel(logger, null));
    }

    private static LoggingSystem logging() {
        return LoggingSystem.get(ClientSecretCanaryTest.class.getClassLoader());
    }

    @BeforeEach
    void signIn() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void savedSecretIsUsableButNeverShown(CapturedOutput output) {
        List<String> responses = new java.util.ArrayList<>();
        responses.add(post(mutation(Map.of(
                "clientId", Map.of("value", "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
                "clientSecret", Map.of("replaceWith", CANARY),
                "tenant", Map.of("value", "organizations")))));
        responses.add(post(mutation(Map.of("clientSecret", Map.of("replaceWith", GUID_CANARY)))));
        responses.add(post(mutation(Map.of("clientSecret", Map.of("replaceWith", CANARY, "clear", true)))));
        responses.add(post("{\"query\":\"{ microsoftSettings { clientSecret { isSet source setAt setBy } } "
                + "settingChanges { setting action oldValue newValue changedBy } }\"}"));

        assertThat(responses)
                .allSatisfy(body -> assertThat(body).doesNotContain(CANARY).doesNotContain(GUID_CANARY));
        assertThat(responses.get(0)).contains("\"errors\":[]");
        assertThat(responses.get(1)).contains("LOOKS_LIKE_SECRET_ID");
        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain(GUID_CANARY);

        byte[] stored = db.sql("select secret_ciphertext from system_setting where name = 'microsoft.client_secret'")
                .map(row -> row.get(0, byte[].class))
                .one()
                .block();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
        assertThat(db.sql("select count(*) from system_setting_change where old_value like :c or new_value like :c")
                        .bind("c", "%" + CANARY + "%")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();

        assertThat(service.clientSecret().block()).isEqualTo(CANARY);
    }

    private static String mutation(Map<String, Object> input) {
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of(
                        "query",
                        "mutation($input: UpdateMicrosoftSettingsInput!) { updateMicrosoftSettings(input: $input) "
                                + "{ settings { clientSecret { isSet source setAt setBy } } errors { field code message } } }",
                        "variables",
                        Map.of("input", input)));
    }

    private String post(String body) {
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
}
