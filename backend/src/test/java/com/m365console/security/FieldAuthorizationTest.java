package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/** Each GraphQL field answers only the roles it is meant for: admins, users, anonymous callers. */
@IntegrationTest
class FieldAuthorizationTest {

    static final Map<String, Object> ENABLE_WITH_CREDENTIALS = Map.of(
            "clientId", Map.of("value", "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
            "clientSecret", Map.of("replaceWith", "Abc8Q~user-should-not-set-this"),
            "tenant", Map.of("value", "common"));

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void accounts() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        accounts.create("bob", "USER");
        accounts.create("newadmin", "ADMIN", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"microsoftSettings", "settingChanges", "users"})
    void userIsForbiddenToReadAdminFields(String document) {
        expectError(
                sessions.graphQl("bob", TestAccounts.PASSWORD)
                        .documentName(document)
                        .execute(),
                "FORBIDDEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"microsoftSettings", "settingChanges", "users"})
    void anonymousCallerIsUnauthorized(String document) {
        expectError(sessions.anonymous().graphQl().documentName(document).execute(), "UNAUTHORIZED");
    }

    @Test
    void userCannotChangeSettingsAndNothingIsStored() {
        GraphQlTester.Response response = sessions.graphQl("bob", TestAccounts.PASSWORD)
                .documentName("updateMicrosoftSettings")
                .variable("input", ENABLE_WITH_CREDENTIALS)
                .execute();

        expectError(response, "FORBIDDEN");
        assertThat(storedSettingRows()).isZero();
    }

    @Test
    void userCannotCreateUsers() {
        GraphQlTester.Response response = sessions.graphQl("bob", TestAccounts.PASSWORD)
                .documentName("createUser")
                .variable("input", Map.of("username", "mallory", "password", "mallory-password-1", "role", "ADMIN"))
                .execute();

        expectError(response, "FORBIDDEN");
        assertThat(db.sql("select count(*) from app_user where username = 'mallory'")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void adminWithAOneTimePasswordMayOnlyChangeIt() {
        HttpGraphQlTester newAdmin = sessions.graphQl("newadmin", TestAccounts.PASSWORD);

        newAdmin.documentName("me")
                .execute()
                .path("me.mustChangePassword")
                .entity(Boolean.class)
                .isEqualTo(true);
        expectError(newAdmin.documentName("microsoftSettings").execute(), "FORBIDDEN");

        newAdmin.documentName("changePassword")
                .variable(
                        "input",
                        Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "a-brand-new-password"))
                .execute()
                .path("changePassword.errors")
                .entityList(Object.class)
                .hasSize(0);

        sessions.graphQl("newadmin", "a-brand-new-password")
                .documentName("microsoftSettings")
                .execute()
                .path("microsoftSettings.redirectUri")
                .hasValue();
    }

    @Test
    void meIsNullForAnonymousCallersAndTheUserOtherwise() {
        sessions.anonymous().graphQl().documentName("me").execute().path("me").valueIsNull();
        sessions.graphQl("bob", TestAccounts.PASSWORD)
                .documentName("me")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("bob")
                .path("me.role")
                .entity(String.class)
                .isEqualTo("USER");
    }

    private long storedSettingRows() {
        return db.sql("select count(*) from system_setting")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static void expectError(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors)
                    .allSatisfy(error ->
                            assertThat(String.valueOf(error.getErrorType())).isEqualTo(classification));
        });
        response.path("").valueIsNull();
    }
}
