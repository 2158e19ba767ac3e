package com.m365console.security;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** Password sign-in and sign-out as the SPA performs them: JSON answers, CSRF enforced, sessions ended. */
@IntegrationTest
class PasswordSignInTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @BeforeEach
    void accounts() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
    }

    @Test
    void rightPasswordSignsInWithJson() {
        sessions.anonymous()
                .postLogin("ALICE", TestAccounts.PASSWORD)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("alice");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        sessions.anonymous()
                .postLogin("alice", "wrong-password")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Invalid username or password");
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        sessions.anonymous()
                .postLogin("nobody", "whatever-password")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Invalid username or password");
    }

    @Test
    void signInWithoutTheCsrfTokenIsRejected() {
        sessions.client()
                .post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "alice").with("password", TestAccounts.PASSWORD))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void graphQlPostWithoutTheCsrfHeaderIsRejected() {
        var browser = sessions.signIn("alice", TestAccounts.PASSWORD);
        browser.client()
                .mutate()
                .defaultHeaders(headers -> headers.remove("X-XSRF-TOKEN"))
                .build()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void signOutEndsTheSession() {
        var browser = sessions.signIn("alice", TestAccounts.PASSWORD);
        browser.graphQl()
                .documentName("me")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo("alice");

        browser.client().post().uri("/logout").exchange().expectStatus().isNoContent();

        browser.graphQl().documentName("me").execute().path("me").valueIsNull();
    }
}
