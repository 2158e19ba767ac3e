package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz inputs an attacker (or a broken client) sends to every argument: each answer is a typed error (a GraphQL
 * BAD_REQUEST or validation error, or a UserError in the payload), never INTERNAL_ERROR or an HTTP 5xx; and the
 * HTTP-level ones (oversized and deeply nested bodies, a sign-in form with a NUL) are 413 or 400 with a JSON error.
 */
@IntegrationTest
class BadInputTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NUL = "a\u0000b";
    static final String HUGE = "x".repeat(200_000);
    static final String UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    Sessions.Browser admin;

    @BeforeEach
    void signIn() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        admin = sessions.signIn("alice", TestAccounts.PASSWORD);
    }

    static Stream<Arguments> fuzz() {
        return Stream.of(
                call(
                        "createUser",
                        "createUser(input: $i) { errors { field code } }",
                        "CreateUserInput!",
                        Map.of("username", NUL, "password", TestAccounts.PASSWORD, "role", "USER")),
                call(
                        "createUser",
                        "createUser(input: $i) { errors { field code } }",
                        "CreateUserInput!",
                        Map.of(
                                "username",
                                "bob",
                                "displayName",
                                "Bob\u001b[31m",
                                "password",
                                TestAccounts.PASSWORD,
                                "role",
                                "USER")),
                call(
                        "createUser",
                        "createUser(input: $i) { errors { field code } }",
                        "CreateUserInput!",
                        Map.of(
                                "username",
                                "bob",
                                "email",
                                "bob@example.com\r\nBcc: x@example.com",
                                "password",
                                TestAccounts.PASSWORD,
                                "role",
                                "USER")),
                call(
                        "createUser",
                        "createUser(input: $i) { errors { field code } }",
                        "CreateUserInput!",
                        Map.of("username", HUGE, "password", TestAccounts.PASSWORD, "role", "USER")),
                call(
                        "createUser",
                        "createUser(input: $i) { errors { field code } }",
                        "CreateUserInput!",
                        Map.of(
                                "username",
                                "bob",
                                "displayName",
                                HUGE,
                                "password",
                                TestAccounts.PASSWORD,
                                "role",
                                "USER")),
                call(
                        "createUser",
                        "createUser(input: $i) { errors { field code } }",
                        "CreateUserInput!",
                        Map.of("username", "bob", "password", NUL + "long-enough-password", "role", "USER")),
                call(
                        "createUser",
                        "createUser(input: $i) { errors { field code } }",
                        "CreateUserInput!",
                        Map.of("username", "bob", "password", TestAccounts.PASSWORD, "role", "GOD")),
                call(
                        "changePassword",
                        "changePassword(input: $i) { errors { field code } }",
                        "ChangePasswordInput!",
                        Map.of("currentPassword", NUL, "newPassword", "another-long-password")),
                raw(
                        "changePassword lone surrogate",
                        "{\"query\":\"mutation { changePassword(input: {currentPassword:"
                                + " \\\"\\\\ud800\\\", newPassword: \\\"another-long-password\\\"}) { errors { code } } }\"}"),
                raw(
                        "changePassword U+FFFF",
                        "{\"query\":\"mutation($i: ChangePasswordInput!) { changePassword(input: $i)"
                                + " { errors { code } } }\",\"variables\":{\"i\":{\"currentPassword\":\"\\uffff\","
                                + "\"newPassword\":\"another-long-password\"}}}"),
                call(
                        "createApiToken",
                        "createApiToken(input: $i) { errors { field code } }",
                        "CreateApiTokenInput!",
                        Map.of("name", NUL)),
                call(
                        "createApiToken",
                        "createApiToken(input: $i) { errors { field code } }",
                        "CreateApiTokenInput!",
                        Map.of("name", HUGE)),
                call(
                        "createApiToken",
                        "createApiToken(input: $i) { errors { field code } }",
                        "CreateApiTokenInput!",
                        Map.of("name", "t", "expiresAt", "2020-13-45T00:00:00Z")),
                call(
                        "createApiToken",
                        "createApiToken(input: $i) { errors { field code } }",
                        "CreateApiTokenInput!",
                        Map.of("name", "t", "expiresAt", "+999999999-12-31T23:59:59Z")),
                call(
                        "createApiToken",
                        "createApiToken(input: $i) { errors { field code } }",
                        "CreateApiTokenInput!",
                        Map.of("name", "t", "expiresAt", "-999999999-01-01T00:00:00Z")),
                call(
                        "revokeApiToken",
                        "revokeApiToken(input: $i) { errors { field code } }",
                        "RevokeApiTokenInput!",
                        Map.of("id", "not-a-uuid")),
                call(
                        "startMailboxConnection",
                        "startMailboxConnection(input: $i) { errors { field code } }",
                        "StartMailboxConnectionInput!",
                        Map.of("kind", "SYSTEM", "sharedAddress", NUL)),
                call(
                        "startMailboxConnection",
                        "startMailboxConnection(input: $i) { errors { field code } }",
                        "StartMailboxConnectionInput!",
                        Map.of("kind", "SYSTEM", "sharedAddress", HUGE)),
                call(
                        "checkMailboxConnection",
                        "checkMailboxConnection(input: $i) { errors { field code } }",
                        "MailboxIdInput!",
                        Map.of("mailboxId", UUID)),
                call(
                        "sendEmail",
                        "sendEmail(input: $i) { errors { field code } }",
                        "SendEmailInput!",
                        Map.of("mailboxId", UUID, "to", List.of(), "subject", "s")),
                call(
                        "sendEmail",
                        "sendEmail(input: $i) { errors { field code } }",
                        "SendEmailInput!",
                        Map.of("mailboxId", UUID, "to", Collections.nCopies(20_000, "a@example.com"), "subject", "s")),
                call(
                        "sendEmail",
                        "sendEmail(input: $i) { errors { field code } }",
                        "SendEmailInput!",
                        Map.of(
                                "mailboxId",
                                UUID,
                                "to",
                                List.of("a@example.com"),
                                "subject",
                                "s\r\nBcc: x@example.com")),
                call(
                        "sendEmail",
                        "sendEmail(input: $i) { errors { field code } }",
                        "SendEmailInput!",
                        Map.of("mailboxId", UUID, "to", List.of("a@example.com"), "subject", "s", "text", NUL)),
                call(
                        "disconnectMailbox",
                        "disconnectMailbox(input: $i) { errors { field code } }",
                        "DisconnectMailboxInput!",
                        Map.of("mailboxId", UUID)),
                call(
                        "syncMailbox",
                        "syncMailbox(input: $i) { errors { field code } }",
                        "MailboxIdInput!",
                        Map.of("mailboxId", UUID)),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("tenant", Map.of("value", NUL))),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("tenant", Map.of("value", HUGE))),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("clientId", Map.of("value", HUGE))),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("clientSecret", Map.of("replaceWith", NUL))),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("clientSecret", Map.of("replaceWith", HUGE))),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("signInAllowedDomains", Map.of("value", List.of("contoso.com", NUL)))),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("signInAllowedDomains", Map.of("value", Collections.nCopies(20_000, "contoso.com")))),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of("signInAllowedDomains", Map.of("value", List.of(HUGE)))),
                call(
                        "updateEmailSyncSettings",
                        "updateEmailSyncSettings(input: $i) { errors { field code } }",
                        "UpdateEmailSyncSettingsInput!",
                        Map.of("intervalMinutes", Integer.MAX_VALUE)),
                call(
                        "updateEmailSyncSettings",
                        "updateEmailSyncSettings(input: $i) { errors { field code } }",
                        "UpdateEmailSyncSettingsInput!",
                        Map.of("intervalMinutes", -1, "maxConcurrent", 0)),
                call(
                        "updateEmailSyncSettings",
                        "updateEmailSyncSettings(input: $i) { errors { field code } }",
                        "UpdateEmailSyncSettingsInput!",
                        Map.of("maxConcurrent", Integer.MAX_VALUE)),
                call(
                        "updateEmailSyncSettings",
                        "updateEmailSyncSettings(input: $i) { errors { field code } }",
                        "UpdateEmailSyncSettingsInput!",
                        Map.of("intervalMinutes", 99_999_999_999L)),
                query("settingChanges(limit: 2147483647) { id }"),
                query("settingChanges(limit: -1) { id }"),
                query("settingChanges(limit: 99999999999) { id }"),
                query("mailbox(id: \"not-a-uuid\") { id }"),
                query("mailFolders(mailboxId: \"" + UUID + "x\") { id }"),
                query("messages(folderId: \"" + UUID + "\", first: 2147483647) { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", first: -2147483648) { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", search: \"a\\u0000b\") { edges { cursor } }"),
                accepted(query("messages(folderId: \"" + UUID + "\", search: \"" + "%".repeat(100_000)
                        + "\") { edges { cursor } }")),
                query("messages(folderId: \"" + UUID + "\", after: \"" + cursor("9223372036854775807:1")
                        + "\") { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", after: \"" + cursor("-9223372036854775808:1")
                        + "\") { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", after: \"" + cursor("1:99999999999999999999")
                        + "\") { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", after: \"" + cursor("-:-1") + "\") { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", after: \"" + cursor("1:2:3") + "\") { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", after: \"%%%\") { edges { cursor } }"),
                query("messages(folderId: \"" + UUID + "\", after: \"" + "A".repeat(100_000)
                        + "\") { edges { cursor } }"),
                accepted(query("message(id: \"" + UUID + "\") { id }")),
                raw("document nested 5,000 deep", "{\"query\":\"{" + "me { ".repeat(5000) + "}".repeat(5000) + "}\"}"),
                raw(
                        "list literal nested 5,000 deep",
                        "{\"query\":\"{ settingChanges(limit: " + "[".repeat(5000) + "1" + "]".repeat(5000)
                                + ") { id } }\"}"),
                raw("100,000 aliases", "{\"query\":\"{" + "a: __typename ".repeat(100_000) + "}\"}"),
                raw(
                        "fragment cycle",
                        "{\"query\":\"mutation { ...A } fragment A on Mutation { ...B } fragment B on "
                                + "Mutation { ...A changePassword(input: {currentPassword: \\\"a\\\", newPassword: \\\"b\\\"}) "
                                + "{ errors { code } } }\"}"),
                call(
                        "sendEmail",
                        "sendEmail(input: $i) { errors { field code } }",
                        "SendEmailInput!",
                        Map.of("mailboxId", UUID, "to", Collections.nCopies(5_000, "a@b.co"), "subject", "s")),
                call(
                        "updateMicrosoftSettings",
                        "updateMicrosoftSettings(input: $i) { errors { field code } }",
                        "UpdateMicrosoftSettingsInput!",
                        Map.of(
                                "signInAllowedDomains",
                                Map.of(
                                        "value",
                                        java.util.stream.IntStream.range(0, 5_000)
                                                .mapToObj(n -> "d" + n + ".com")
                                                .toList()))),
                raw("not JSON", "{\"query\": "),
                raw("query not a string", "{\"query\": 5}"),
                raw("variables not an object", "{\"query\":\"{ __typename }\",\"variables\":[1]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fuzz")
    void everyBadInputIsATypedError(String name, String body, boolean harmless) {
        EntityExchangeResult<byte[]> result = admin.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody()
                .returnResult();
        String answer = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(result.getStatus().is5xxServerError()).as(answer).isFalse();
        assertThat(answer).doesNotContain("INTERNAL_ERROR");
        if (!harmless) {
            assertThat(typedError(JSON.readTree(answer))).as(answer).isTrue();
        }
    }

    @Test
    void controlCharactersAreRefusedWithTheFieldPath() {
        String answer = graphQl(call(
                "createUser",
                "createUser(input: $i) { errors { field code } }",
                "CreateUserInput!",
                Map.of("username", "bob", "displayName", NUL, "password", TestAccounts.PASSWORD, "role", "USER")));
        JsonNode error = JSON.readTree(answer).get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("INVALID_CHARACTERS");
        assertThat(error.get("extensions").get("field").asString()).isEqualTo("input.displayName");
        assertThat(error.get("message").asString()).contains("U+0000");
        admin.graphQl()
                .documentName("users")
                .execute()
                .path("users[*].username")
                .entityList(String.class)
                .containsExactly("alice");
    }

    @Test
    void multiLineFieldsKeepTheirLineBreaksAndNothingElse() {
        String lines = graphQl(call(
                "sendEmail",
                "sendEmail(input: $i) { errors { field code } }",
                "SendEmailInput!",
                Map.of("mailboxId", UUID, "to", List.of("a@example.com"), "subject", "s", "text", "a\r\n\tb")));
        assertThat(lines).contains("\"code\":\"NOT_FOUND\"").doesNotContain("INVALID_CHARACTERS");
        String bell = graphQl(call(
                "sendEmail",
                "sendEmail(input: $i) { errors { field code } }",
                "SendEmailInput!",
                Map.of("mailboxId", UUID, "to", List.of("a@example.com"), "subject", "s", "html", "<p>\u0007</p>")));
        assertThat(bell).contains("INVALID_CHARACTERS").contains("input.html");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithJson() {
        String big = JSON.writeValueAsString(Map.of("query", "{ __typename }", "variables", Map.of("a", HUGE + HUGE)));
        admin.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("The request body is larger than 256 KB, the most this server accepts");
        admin.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromPublisher(
                        Flux.just(big.substring(0, 200_000), big.substring(200_000)), String.class))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error")
                .value(String.class, message -> assertThat(message).contains("256 KB"));
    }

    @Test
    void aSignInFormOverTheLimitIsAnswered413() {
        sessions.anonymous()
                .postLogin("alice", "x".repeat(1024 * 1024))
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error")
                .value(String.class, message -> assertThat(message).contains("256 KB"));
    }

    @Test
    void aSignInFormWithControlCharactersIsABadRequest() {
        sessions.anonymous()
                .postLogin("al\u0000ice", TestAccounts.PASSWORD)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("The form field username contains a character that is not " + "allowed (U+0000)");
        sessions.anonymous().postLogin("alice", "\u0000").expectStatus().isBadRequest();
        sessions.anonymous()
                .postLogin("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isOk();
    }

    @Test
    void jsonNestedBeyondTheReadersLimitIsABadRequest() {
        String deep =
                "{\"query\":\"{__typename}\",\"variables\":{\"a\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}}";
        admin.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(deep)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .value(
                        String.class,
                        message -> assertThat(message)
                                .isEqualTo("The request body exceeds a JSON limit: Document nesting "
                                        + "depth (501) exceeds the maximum allowed (500)"));
        String objects = "{\"query\":\"{__typename}\",\"variables\":" + "{\"a\":".repeat(30_000) + "1"
                + "}".repeat(30_000) + "}";
        admin.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(objects)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .exists();
    }

    private String graphQl(Arguments call) {
        return new String(
                admin.client()
                        .post()
                        .uri("/graphql")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(call.get()[1])
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent(),
                StandardCharsets.UTF_8);
    }

    /** A GraphQL error classified other than INTERNAL_ERROR, a UserError in a payload, or a JSON HTTP error. */
    private static boolean typedError(JsonNode answer) {
        if (answer.has("error")) {
            return true;
        }
        if (answer.has("errors")) {
            for (JsonNode error : answer.get("errors")) {
                if (!error.path("extensions").path("classification").isString()) {
                    return false;
                }
            }
            return !answer.get("errors").isEmpty();
        }
        for (JsonNode payload : answer.path("data")) {
            if (payload.path("errors").isArray() && !payload.path("errors").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static Arguments call(String field, String selection, String inputType, Map<String, Object> input) {
        String body = JSON.writeValueAsString(Map.of(
                "query", "mutation($i: " + inputType + ") { " + selection + " }", "variables", Map.of("i", input)));
        return Arguments.of(field + " " + abbreviate(input), body, false);
    }

    static Arguments accepted(Arguments arguments) {
        return Arguments.of(arguments.get()[0], arguments.get()[1], true);
    }

    static Arguments query(String selection) {
        return Arguments.of(
                abbreviate(selection), JSON.writeValueAsString(Map.of("query", "{ " + selection + " }")), false);
    }

    static Arguments raw(String name, String body) {
        return Arguments.of(name, body, false);
    }

    static String cursor(String plain) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value).replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
