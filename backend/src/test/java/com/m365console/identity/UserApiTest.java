package com.m365console.identity;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Administrators create local users; every user can change their own password. */
@IntegrationTest
class UserApiTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    HttpGraphQlTester admin;

    @BeforeEach
    void signIn() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void adminCreatesAUserWhoCanThenSignIn() {
        admin.documentName("createUser")
                .variable(
                        "input",
                        Map.of(
                                "username",
                                "jane",
                                "displayName",
                                "Jane Doe",
                                "email",
                                "jane@contoso.com",
                                "password",
                                "jane-password-1",
                                "role",
                                "USER"))
                .execute()
                .path("createUser.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createUser.user.username")
                .entity(String.class)
                .isEqualTo("jane")
                .path("createUser.user.role")
                .entity(String.class)
                .isEqualTo("USER");

        admin.documentName("users")
                .execute()
                .path("users[*].username")
                .entityList(String.class)
                .containsExactly("alice", "jane");
        sessions.graphQl("jane", "jane-password-1")
                .documentName("me")
                .execute()
                .path("me.displayName")
                .entity(String.class)
                .isEqualTo("Jane Doe");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        admin.documentName("createUser")
                .variable(
                        "input", Map.of("username", "-x", "email", "not-an-email", "password", "short", "role", "USER"))
                .execute()
                .path("createUser.user")
                .valueIsNull()
                .path("createUser.errors[*].field")
                .entityList(String.class)
                .containsExactly("username", "email", "password");
    }

    @Test
    void duplicateUsernameIsAConflictWhateverTheCase() {
        admin.documentName("createUser")
                .variable("input", Map.of("username", "ALICE", "password", "another-password-1", "role", "USER"))
                .execute()
                .path("createUser.errors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT");
    }

    @Test
    void changePasswordChecksTheCurrentOneAndThePolicy() {
        admin.documentName("changePassword")
                .variable("input", Map.of("currentPassword", "wrong", "newPassword", "a-brand-new-password"))
                .execute()
                .path("changePassword.errors[0].code")
                .entity(String.class)
                .isEqualTo("WRONG_PASSWORD");
        admin.documentName("changePassword")
                .variable("input", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "short"))
                .execute()
                .path("changePassword.errors[0].code")
                .entity(String.class)
                .isEqualTo("WEAK_PASSWORD");

        admin.documentName("changePassword")
                .variable(
                        "input",
                        Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "a-brand-new-password"))
                .execute()
                .path("changePassword.errors")
                .entityList(Object.class)
                .hasSize(0);

        sessions.anonymous()
                .postLogin("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isUnauthorized();
        sessions.anonymous()
                .postLogin("alice", "a-brand-new-password")
                .expectStatus()
                .isOk();
    }

    @Test
    void passwordsAreLimitedTo72BytesWhereverTheyAreSet() {
        String tooLong = "é".repeat(36) + "x";
        String message = "Use at most 72 bytes (72 letters; fewer with accents or emoji).";
        admin.documentName("createUser")
                .variable("input", Map.of("username", "jane", "password", tooLong, "role", "USER"))
                .execute()
                .path("createUser.user")
                .valueIsNull()
                .path("createUser.errors[0].field")
                .entity(String.class)
                .isEqualTo("password")
                .path("createUser.errors[0].code")
                .entity(String.class)
                .isEqualTo("TOO_LONG")
                .path("createUser.errors[0].message")
                .entity(String.class)
                .isEqualTo(message);
        admin.documentName("changePassword")
                .variable("input", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", tooLong))
                .execute()
                .path("changePassword.errors[0].field")
                .entity(String.class)
                .isEqualTo("newPassword")
                .path("changePassword.errors[0].code")
                .entity(String.class)
                .isEqualTo("TOO_LONG")
                .path("changePassword.errors[0].message")
                .entity(String.class)
                .isEqualTo(message);

        admin.documentName("changePassword")
                .variable(
                        "input",
                        Map.of(
                                "currentPassword",
                                TestAccounts.PASSWORD + "x".repeat(100),
                                "newPassword",
                                "a-brand-new-password"))
                .execute()
                .path("changePassword.errors[0].code")
                .entity(String.class)
                .isEqualTo("WRONG_PASSWORD");
        sessions.anonymous()
                .postLogin("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isOk();
    }
}
