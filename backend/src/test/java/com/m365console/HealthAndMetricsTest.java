package com.m365console;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.mailbox.MailboxTokens;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.SyncNow;
import com.m365console.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operations surface as a load balancer, a Prometheus scraper and an administrator see it (README "Health and
 * metrics"): health open but terse, Prometheus for administrators only, and our own meters counting what happened.
 */
class HealthAndMetricsTest extends Microsoft365TestBase {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Autowired
    MailboxTokens tokens;

    String adminToken;
    String userToken;

    @BeforeEach
    void tokens() throws Exception {
        resetWithRegisteredApp();
        adminToken = apiToken(sessions.signIn("alice", TestAccounts.PASSWORD));
        userToken = apiToken(sessions.signIn("jane", TestAccounts.PASSWORD));
    }

    @Test
    void healthAndItsProbesAnswerAnonymousCallersWithTheStatusOnly() {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            sessions.client()
                    .get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components")
                    .doesNotExist()
                    .jsonPath("$.details")
                    .doesNotExist();
        }
        as(adminToken)
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP")
                .jsonPath("$.components.readinessState.status")
                .isEqualTo("UP");
    }

    @Test
    void prometheusIsForAdministratorsOnlyAndEveryOtherActuatorPathIsRefused() {
        sessions.client()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        as(userToken)
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isForbidden();
        as("m365_not-a-token")
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        sessions.signIn("jane", TestAccounts.PASSWORD)
                .client()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isForbidden();

        String scrape = scrape();
        assertThat(scrape)
                .contains("jvm_memory_used_bytes{")
                .contains("process_uptime_seconds{")
                .contains("http_server_requests_seconds_count{")
                .contains("m365_graphql_sockets{")
                .contains("m365_sync_push_watchers{")
                .contains("m365_sync_subscribers{");
        sessions.signIn("alice", TestAccounts.PASSWORD)
                .client()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk();

        sessions.client().get().uri("/actuator").exchange().expectStatus().isUnauthorized();
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/x"}) {
            sessions.client().get().uri(path).exchange().expectStatus().isUnauthorized();
            as(adminToken).get().uri(path).exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void aSyncRunIsCountedByOutcomeWithTheMessagesItStored() throws Exception {
        Sessions.Browser jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        UUID mailboxId = connect(jane, JANE, Map.of());
        for (int i = 0; i < 3; i++) {
            deliverWithNewSubject(JANE);
        }
        double runsBefore = sample(scrape(), "m365_sync_runs_total", "outcome=\"succeeded\"");
        double storedBefore = sample(scrape(), "m365_sync_messages_stored_total");
        double timedBefore = sample(scrape(), "m365_sync_run_duration_seconds_count", "outcome=\"succeeded\"");

        SyncNow.Answer answer = SyncNow.press(jane, sessions.baseUrl(), mailboxId);

        assertThat(answer.state()).isEqualTo("SUCCEEDED");
        String after = scrape();
        assertThat(sample(after, "m365_sync_runs_total", "outcome=\"succeeded\"") - runsBefore)
                .isEqualTo(1);
        assertThat(sample(after, "m365_sync_messages_stored_total") - storedBefore)
                .isEqualTo(3);
        assertThat(sample(after, "m365_sync_run_duration_seconds_count", "outcome=\"succeeded\"") - timedBefore)
                .isEqualTo(1);
        assertThat(after).as("no mailbox id as a tag").doesNotContain(mailboxId.toString());
    }

    @Test
    void tokenRefreshesAreCountedByOutcome() {
        UUID mailboxId = connect(sessions.signIn("jane", TestAccounts.PASSWORD), JANE, Map.of());
        double succeeded = sample(scrape(), "m365_mailbox_token_refreshes_total", "outcome=\"succeeded\"");
        double refused = sample(scrape(), "m365_mailbox_token_refreshes_total", "outcome=\"refused\"");

        expireSoon(mailboxId);
        tokens.refreshExpiringTokens().block(Duration.ofSeconds(30));
        microsoft.revokeGrants(JANE);
        expireSoon(mailboxId);
        tokens.refreshExpiringTokens().block(Duration.ofSeconds(30));

        String after = scrape();
        assertThat(sample(after, "m365_mailbox_token_refreshes_total", "outcome=\"succeeded\"") - succeeded)
                .isEqualTo(1);
        assertThat(sample(after, "m365_mailbox_token_refreshes_total", "outcome=\"refused\"") - refused)
                .isEqualTo(1);
    }

    @Test
    void failedSignInsAndTheLockoutTheyCauseAreCounted() {
        String name = "guessed-" + UUID.randomUUID();
        double failures = sample(scrape(), "m365_sign_in_failures_total");
        double lockouts = sample(scrape(), "m365_sign_in_lockouts_total", "scope=\"account\"");

        for (int i = 0; i < 5; i++) {
            sessions.anonymous()
                    .postLogin(name, "wrong-password")
                    .expectStatus()
                    .isUnauthorized();
        }
        sessions.anonymous().postLogin(name, "wrong-password").expectStatus().isEqualTo(429);

        String after = scrape();
        assertThat(sample(after, "m365_sign_in_failures_total") - failures).isEqualTo(5);
        assertThat(sample(after, "m365_sign_in_lockouts_total", "scope=\"account\"") - lockouts)
                .isEqualTo(1);
        assertThat(after).as("no user name as a tag").doesNotContain(name);
    }

    private String scrape() {
        return new String(
                as(adminToken)
                        .get()
                        .uri("/actuator/prometheus")
                        .accept(MediaType.TEXT_PLAIN)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
    }

    /** The sum of the samples of one metric whose labels contain every one given (0 when there is none yet). */
    private static double sample(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()
                    && sample.group(1).equals(name)
                    && Arrays.stream(labels)
                            .allMatch(label ->
                                    sample.group(2) != null && sample.group(2).contains(label))) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    private WebTestClient as(String token) {
        return sessions.client()
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    private void expireSoon(UUID mailboxId) {
        db.sql("update mailbox_token set access_expires_at = now() + interval '1 minute' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block(Duration.ofSeconds(10));
    }

    private static String apiToken(Sessions.Browser browser) {
        return browser.graphQl()
                .documentName("createApiToken")
                .variable("input", Map.of("name", "scraper"))
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }
}
