package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.DovecotTestBase;
import com.m365console.support.Eventually;
import com.m365console.support.GraphQlSockets;
import com.m365console.support.SeededMail;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.postgres.PrivatePostgres;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/**
 * The database stopped under a running sync and started again (issue 10, point 3): the user is told FAILED with a
 * reason they can read, and the sync resumes by itself once the database is back, with the exact set at the end.
 * The app runs on a PostgreSQL cluster of this test's own, so stopping it disturbs no other test.
 */
@TestPropertySource(
        properties = {
            "m365.sync.schedule-check-interval=PT1S",
            "m365.sync.retry-first=PT1S",
            "m365.sync.lease-ttl=PT5S",
            "m365.sync.lease-renew-every=PT1S",
            "m365.sync.push.enabled=false"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest extends DovecotTestBase {

    private static final int MESSAGES = 900;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final PrivatePostgres database = PrivatePostgres.start();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", database::r2dbcUrl);
        registry.add("spring.r2dbc.username", () -> "postgres");
        registry.add("spring.r2dbc.password", () -> "");
        registry.add("spring.flyway.url", database::jdbcUrl);
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "");
    }

    @Test
    void aSyncCaughtByADatabaseOutageIsReportedAndResumesByItself() throws Exception {
        resetWithRegisteredApp();
        SeededMail mail = SeededMail.deliver(dovecot, JANE, "INBOX", MESSAGES);
        imapLink.throttle(40_000);
        Sessions.Browser jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        UUID mailboxId = connect(jane, JANE);
        List<Map<?, ?>> published = new CopyOnWriteArrayList<>();
        List<Throwable> socketErrors = new CopyOnWriteArrayList<>();
        WebSocketGraphQlTester socket =
                GraphQlSockets.open(URI.create(sessions.baseUrl().replace("http", "ws") + "/graphql"), apiToken(jane));
        Disposable watching = socket.document("subscription($id: UUID) { mailboxSyncStatus(mailboxId: $id) { "
                        + "mailboxId state reason at } }")
                .variable("id", mailboxId.toString())
                .executeSubscription()
                .toFlux("mailboxSyncStatus", Map.class)
                .subscribe(status -> published.add(new HashMap<>(status)), socketErrors::add);
        Eventually.until(
                "the scheduled first sync stores mail",
                Duration.ofSeconds(60),
                () -> SeededMail.stored(db, mailboxId) >= 100);

        long storedBefore = SeededMail.stored(db, mailboxId);
        database.stop();
        outage();
        database.startServer();
        long back = System.nanoTime();
        Eventually.until(
                "a new run fetches mail after the database came back",
                Duration.ofSeconds(60),
                () -> imapLink.fetchingConnections() >= 2);
        Duration resumed = Duration.ofNanos(System.nanoTime() - back);
        imapLink.throttle(0);
        Eventually.until(
                "every message is stored",
                Duration.ofSeconds(60),
                () -> SeededMail.stored(db, mailboxId) >= MESSAGES,
                () -> SeededMail.stored(db, mailboxId) + " stored");
        Eventually.until(
                "the last run is recorded as SUCCEEDED",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED".equals(sync(jane, mailboxId, "lastSync").get("state")));
        Eventually.until("the outage's failure is recorded once the database answers", Duration.ofSeconds(60), () -> {
            Map<?, ?> failure = sync(jane, mailboxId, "lastFailure");
            return failure != null && "FAILED".equals(failure.get("state"));
        });
        Map<?, ?> lastFailure = sync(jane, mailboxId, "lastFailure");
        assertThat(lastFailure.get("reason"))
                .as("the recorded failure says the database stopped answering")
                .isEqualTo(SyncFailures.DATABASE);
        assertThat(sync(jane, mailboxId, "lastSync").get("state"))
                .as("the late record kept the newer success")
                .isEqualTo("SUCCEEDED");
        watching.dispose();
        socket.stop().block(Duration.ofSeconds(5));

        var stored = mail.compare(db, mailboxId);
        List<String> failures = reasonsOfFailed(published, mailboxId);
        System.out.println(stored.figures(
                "database stopped " + OUTAGE.toSeconds() + " s mid-sync",
                imapLink.fetchingConnections(),
                "resumed " + resumed.toMillis()
                        + " ms after the database came back; published FAILED " + failures + "; lastFailure "
                        + lastFailure + "; states published " + states(published, mailboxId) + socketErrors));
        assertThat(failures)
                .as("FAILED published to the user's subscription, with a reason")
                .isNotEmpty()
                .allSatisfy(DatabaseOutageTest::readable);
        assertThat(stored.exact()).as(stored.toString()).isTrue();
        assertThat(storedBefore).isLessThan(MESSAGES);
        assertThat(imapLink.mostFetchingAtOnce()).isEqualTo(1);
    }

    private static List<String> states(List<Map<?, ?>> statuses, UUID mailboxId) {
        return statuses.stream()
                .filter(status -> mailboxId.toString().equals(status.get("mailboxId")))
                .map(status -> (String) status.get("state"))
                .distinct()
                .toList();
    }

    /** What a person reads on the mailbox card: words, not an exception or an error code. */
    private static void readable(String reason) {
        assertThat(reason)
                .isNotBlank()
                .doesNotContain("Exception", "INTERNAL_ERROR", "io.r2dbc", "java.", "org.springframework");
    }

    private static List<String> reasonsOfFailed(List<Map<?, ?>> statuses, UUID mailboxId) {
        return statuses.stream()
                .filter(status -> mailboxId.toString().equals(status.get("mailboxId")))
                .filter(status -> "FAILED".equals(status.get("state")))
                .map(status -> Objects.toString(status.get("reason"), ""))
                .distinct()
                .toList();
    }

    /** The mailbox's {@code lastSync} or {@code lastFailure}, as the mailbox card reads it; null when there is none. */
    private static Map<?, ?> sync(Sessions.Browser browser, UUID mailboxId, String field) {
        return (Map<?, ?>) browser.graphQl()
                .document("query($id: UUID!) { mailbox(id: $id) { " + field + " { mailboxId state reason at } } }")
                .variable("id", mailboxId.toString())
                .execute()
                .path("mailbox")
                .entity(Map.class)
                .get()
                .get(field);
    }

    private String apiToken(Sessions.Browser browser) {
        return browser.graphQl()
                .documentName("createApiToken")
                .variable("input", Map.of("name", "status socket"))
                .execute()
                .path("createApiToken.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    /** The database stays down this long: the fault itself, not a wait for the app. */
    private static void outage() throws InterruptedException {
        Thread.sleep(OUTAGE.toMillis());
    }
}
