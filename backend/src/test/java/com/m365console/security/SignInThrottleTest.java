package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.M365ConsoleApplication;
import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.SignInTestConfiguration;
import com.m365console.support.TestAccounts;
import com.m365console.support.TestClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Password guessing against {@code POST /login}: after a few failures for one account name or from one address,
 * every attempt (even with the right password) gets 429 with Retry-After, for a growing while; a success resets
 * the name; lockouts are audited. Time is moved on the test clock, never slept.
 */
@IntegrationTest
@Import(SignInTestConfiguration.class)
class SignInThrottleTest {

    static final String WRONG = "wrong-password";

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    TestClock clock;

    @Autowired
    DatabaseClient db;

    @Autowired
    Environment environment;

    @Autowired
    SignInThrottle throttle;

    @BeforeEach
    void accounts() {
        accounts.reset();
        clock.reset();
        accounts.create("alice", "ADMIN");
    }

    @Test
    void fiveWrongPasswordsMakeEvenTheRightOneWaitThenItWorks() {
        for (int i = 0; i < 5; i++) {
            login("alice", WRONG).expectStatus().isUnauthorized();
        }

        login("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "30")
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Too many sign-in attempts. Try again in 30 seconds.")
                .jsonPath("$.retryAfterSeconds")
                .isEqualTo(30);
        clock.advance(Duration.ofSeconds(29));
        login("ALICE", TestAccounts.PASSWORD)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "1");

        clock.advance(Duration.ofSeconds(1));
        login("alice", TestAccounts.PASSWORD).expectStatus().isOk();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitAndAttemptsWhileWaitingAreNotCounted() {
        for (int i = 0; i < 5; i++) {
            login("alice", WRONG).expectStatus().isUnauthorized();
        }
        for (int wait : new int[] {30, 60, 120, 240}) {
            login("alice", WRONG).expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "" + wait);
            login("alice", WRONG).expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "" + wait);
            clock.advance(Duration.ofSeconds(wait));
            login("alice", WRONG).expectStatus().isUnauthorized();
        }
        assertThat(failures("ACCOUNT", "alice")).isEqualTo(9);
    }

    @Test
    void theWaitStopsGrowingAtFifteenMinutes() {
        db.sql("""
                insert into sign_in_throttle (scope, key, failures, last_failure_at)
                values ('ACCOUNT', 'alice', 40, :now)""").bind("now", clock.instant().atOffset(ZoneOffset.UTC)).then().block();

        login("alice", WRONG).expectStatus().isUnauthorized();

        login("alice", WRONG).expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "900");
    }

    @Test
    void guessesSentInParallelAreAllCounted() throws Exception {
        List<Sessions.Browser> browsers =
                IntStream.range(0, 12).mapToObj(i -> sessions.anonymous()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Sessions.Browser browser : browsers) {
                answers.add(pool.submit(() -> browser.postLogin("alice", WRONG)
                        .returnResult(Void.class)
                        .getStatus()
                        .value()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses)
                .containsOnly(401, 429)
                .filteredOn(status -> status == 401)
                .hasSize(5);
    }

    @Test
    void aSuccessResetsTheAccountsCount() {
        for (int i = 0; i < 4; i++) {
            login("alice", WRONG).expectStatus().isUnauthorized();
        }
        login("alice", TestAccounts.PASSWORD).expectStatus().isOk();

        for (int i = 0; i < 5; i++) {
            login("alice", WRONG).expectStatus().isUnauthorized();
        }
        login("alice", WRONG).expectStatus().isEqualTo(429);
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 4; i++) {
            login("alice", WRONG).expectStatus().isUnauthorized();
        }
        clock.advance(Duration.ofMinutes(61));

        for (int i = 0; i < 4; i++) {
            login("alice", WRONG).expectStatus().isUnauthorized();
        }
        login("alice", TestAccounts.PASSWORD).expectStatus().isOk();
    }

    @Test
    void oneAddressTryingManyNamesWaitsAfterTwentyFailures() {
        for (int i = 0; i < 20; i++) {
            login("guess-" + i, WRONG).expectStatus().isUnauthorized();
        }

        login("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "30");
        assertThat(failures("ADDRESS", "127.0.0.1")).isEqualTo(20);
        clock.advance(Duration.ofSeconds(30));
        login("alice", TestAccounts.PASSWORD).expectStatus().isOk();
    }

    @Test
    void successfulSignInsDoNotAddUpForTheAddress() {
        for (int i = 0; i < 25; i++) {
            login("alice", TestAccounts.PASSWORD).expectStatus().isOk();
        }
        assertThat(failures("ADDRESS", "127.0.0.1")).isZero();
    }

    @Test
    void theLockoutIsAuditedAndTheCountsLiveInTheDatabase() {
        for (int i = 0; i < 5; i++) {
            login("Alice", WRONG).expectStatus().isUnauthorized();
        }

        var event = db.sql("""
                select action, actor_name, client_address, details ->> 'scope' as scope,
                       (details ->> 'failures')::int as failures from audit_event""").fetch().all().collectList().block();
        assertThat(event)
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("action", "SIGN_IN_LOCKED")
                        .containsEntry("actor_name", "Alice")
                        .containsEntry("client_address", "127.0.0.1")
                        .containsEntry("scope", "ACCOUNT")
                        .containsEntry("failures", 5));
        assertThat(db.sql("select locked_until > now() from sign_in_throttle where scope = 'ACCOUNT' and key = 'alice'")
                        .map(row -> row.get(0, Boolean.class))
                        .one()
                        .block())
                .isTrue();
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseMakesTheSameNameWait() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(M365ConsoleApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.r2dbc.url=" + environment.getProperty("spring.r2dbc.url"))) {
            clock.reset();
            for (int i = 0; i < 5; i++) {
                login("alice", WRONG).expectStatus().isUnauthorized();
            }

            new Sessions(second.getEnvironment())
                    .anonymous()
                    .postLogin("alice", TestAccounts.PASSWORD)
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .exists("Retry-After");
        }
    }

    @Test
    void namesAndAddressesQuietForAnHourAreForgottenButNotWhileTheyWait() {
        login("someone-else", WRONG).expectStatus().isUnauthorized();
        for (int i = 0; i < 5; i++) {
            login("alice", WRONG).expectStatus().isUnauthorized();
        }
        db.sql("update sign_in_throttle set locked_until = :until where key = 'alice'")
                .bind("until", clock.instant().plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
                .then()
                .block();
        clock.advance(Duration.ofMinutes(61));

        assertThat(throttle.purge().block()).isEqualTo(2);

        assertThat(db.sql("select key from sign_in_throttle")
                        .map(row -> row.get(0, String.class))
                        .all()
                        .collectList()
                        .block())
                .containsExactly("alice");
    }

    @Test
    void attemptsWithoutTheCsrfTokenAreRefusedUncounted() {
        for (int i = 0; i < 6; i++) {
            sessions.client()
                    .post()
                    .uri("/login")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("username=alice&password=" + WRONG)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        login("alice", TestAccounts.PASSWORD).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return sessions.anonymous().postLogin(username, password);
    }

    private Integer failures(String scope, String key) {
        return db.sql("select failures from sign_in_throttle where scope = :scope and key = :key")
                .bind("scope", scope)
                .bind("key", key)
                .map(row -> row.get(0, Integer.class))
                .one()
                .defaultIfEmpty(0)
                .block();
    }
}
