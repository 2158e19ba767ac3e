package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.CountingPasswordEncoder;
import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.SignInTestConfiguration;
import com.m365console.support.TestAccounts;
import com.m365console.support.TestClock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every password sign-in that gets as far as the password costs one password check, whether the name exists
 * or not, so the answer time does not tell names apart; and no password, however long, gets more than a 401.
 */
@IntegrationTest
@Import(SignInTestConfiguration.class)
class PasswordSignInCostTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    CountingPasswordEncoder encoder;

    @Autowired
    TestClock clock;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void accounts() {
        accounts.reset();
        clock.reset();
        accounts.create("alice", "ADMIN");
        accounts.create("microsoft-only", "USER");
        accounts.create("disabled", "USER");
        db.sql("update app_user set password_hash = null where username = 'microsoft-only'")
                .then()
                .block();
        db.sql("update app_user set enabled = false where username = 'disabled'")
                .then()
                .block();
        encoder.takeMatches();
    }

    @Test
    void knownAndUnknownNamesCostOnePasswordCheckEach() {
        sessions.anonymous().postLogin("alice", "wrong-password").expectStatus().isUnauthorized();
        assertThat(encoder.takeMatches()).as("known name, wrong password").isEqualTo(1);

        sessions.anonymous()
                .postLogin("nobody", "wrong-password")
                .expectStatus()
                .isUnauthorized();
        assertThat(encoder.takeMatches()).as("unknown name").isEqualTo(1);

        sessions.anonymous()
                .postLogin("microsoft-only", "wrong-password")
                .expectStatus()
                .isUnauthorized();
        assertThat(encoder.takeMatches()).as("account without a password").isEqualTo(1);

        sessions.anonymous()
                .postLogin("disabled", TestAccounts.PASSWORD)
                .expectStatus()
                .isUnauthorized();
        assertThat(encoder.takeMatches()).as("disabled account, right password").isEqualTo(1);

        sessions.anonymous()
                .postLogin("n".repeat(10_000), "wrong-password")
                .expectStatus()
                .isUnauthorized();
        assertThat(encoder.takeMatches()).as("absurdly long name").isEqualTo(1);

        sessions.anonymous()
                .postLogin("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isOk();
        assertThat(encoder.takeMatches()).as("known name, right password").isEqualTo(1);
    }

    @Test
    void aThrottledAttemptChecksNoPassword() {
        for (int i = 0; i < 5; i++) {
            sessions.anonymous()
                    .postLogin("alice", "wrong-password")
                    .expectStatus()
                    .isUnauthorized();
        }
        encoder.takeMatches();

        sessions.anonymous()
                .postLogin("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isEqualTo(429);
        assertThat(encoder.takeMatches()).isZero();
    }

    @Test
    void aPasswordOfAnyLengthIsAnOrdinaryFailure() {
        sessions.anonymous()
                .postLogin("alice", "x".repeat(200_000))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Invalid username or password");
        assertThat(encoder.takeMatches()).isEqualTo(1);
        assertThat(db.sql("select failures from sign_in_throttle where scope = 'ACCOUNT' and key = 'alice'")
                        .map(row -> row.get(0, Integer.class))
                        .one()
                        .block())
                .isEqualTo(1);
    }

    @Test
    void whatFollowsTheSeventySecondByteIsNotIgnored() {
        String longest = "é".repeat(36);
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .documentName("createUser")
                .variable("input", Map.of("username", "jane", "password", longest, "role", "USER"))
                .execute()
                .path("createUser.errors")
                .entityList(Object.class)
                .hasSize(0);

        sessions.anonymous()
                .postLogin("jane", longest + "anything")
                .expectStatus()
                .isUnauthorized();
        sessions.anonymous().postLogin("jane", longest).expectStatus().isOk();
    }

    @Test
    void aMissingPasswordIsAnOrdinaryFailure() {
        var browser = sessions.anonymous();
        browser.client()
                .post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "alice"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
