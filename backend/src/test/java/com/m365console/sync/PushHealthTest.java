package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The push state as users read it ({@code Mailbox.push}): watched, reconnecting within seconds after a cut, failing
 * with the reason while every login fails, off with the reason when nothing watches; and only for one's own mailboxes.
 */
class PushHealthTest extends Microsoft365TestBase {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    /** The first retry plus time to log in, select and sync INBOX again on a busy machine. */
    private static final Duration RECONNECT_WITHIN = InboxPushWatcher.FIRST_RETRY.plusSeconds(3);

    private static final String PUSH = "{ myMailboxes { pushing push { state since reason } } }";

    /** One mailbox's push health as the GraphQL API answers it. */
    record Health(String state, OffsetDateTime since, String reason, boolean pushing) {}

    /** The answer's shape: {@code { pushing push { state since reason } }}. */
    record Answer(boolean pushing, Push push) {
        record Push(String state, OffsetDateTime since, String reason) {}
    }

    @Autowired
    InboxPushWatchers watchers;

    Sessions.Browser jane;
    UUID mailboxId;

    @BeforeEach
    void connectJane() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of());
    }

    @AfterEach
    void stopPushing() {
        imapLink.dropEveryConnection(false);
        setEmailSyncEnabled(false);
        watchers.refresh().block(WITHIN);
    }

    @Test
    void eachCutConnectionIsReconnectedWithinTheFirstRetryAndMailAfterItIsStored() throws Exception {
        startPushing();
        Health watching = await(health -> health.state().equals("WATCHING"), WITHIN, "watching");
        assertThat(watching.pushing()).isTrue();

        for (int cut = 1; cut <= 4; cut++) {
            int connectionsBefore = imapLink.connections();
            Instant cutAt = Instant.now();
            imapLink.cutOpenConnections();

            Health reconnecting = await(health -> !health.state().equals("WATCHING"), WITHIN, "reconnecting");
            assertThat(reconnecting.state()).as("after cut %d", cut).isEqualTo("RECONNECTING");
            assertThat(reconnecting.reason()).isNotBlank();
            assertThat(reconnecting.pushing()).isFalse();
            Health again = await(health -> health.state().equals("WATCHING"), WITHIN, "watching again");
            Duration reconnected = Duration.between(cutAt, again.since().toInstant());
            assertThat(reconnected)
                    .as(
                            "cut %d: watching again within the first retry (the backoff reset after the "
                                    + "connection that worked)",
                            cut)
                    .isLessThan(RECONNECT_WITHIN);
            assertThat(imapLink.connections()).isGreaterThan(connectionsBefore);
            System.out.printf(
                    "Push cut %d: RECONNECTING (%s), WATCHING again %d ms after the cut%n",
                    cut, reconnecting.reason(), reconnected.toMillis());

            String subject = deliverWithNewSubject(JANE);
            awaitStored(subject);
        }
    }

    @Test
    void aWatcherWhoseEveryLoginFailsIsFailingWithTheReasonAndWatchesAgainOnceLoginsWork() throws Exception {
        startPushing();
        await(health -> health.state().equals("WATCHING"), WITHIN, "watching");
        Instant outage = Instant.now();
        imapLink.dropEveryConnection(true);
        imapLink.cutOpenConnections();

        Health failing = await(health -> health.state().equals("FAILING"), WITHIN, "failing");
        assertThat(failing.reason()).isNotBlank().doesNotContainIgnoringCase("token");
        assertThat(failing.since().toInstant())
                .as("since the first failure")
                .isBetween(outage.minusSeconds(1), outage.plusSeconds(2));
        assertThat(failing.pushing()).isFalse();
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .document("{ allMailboxes { pushing push { state reason } } }")
                .execute()
                .path("allMailboxes[0].push.state")
                .entity(String.class)
                .isEqualTo("FAILING")
                .path("allMailboxes[0].push.reason")
                .entity(String.class)
                .isEqualTo(failing.reason())
                .path("allMailboxes[0].pushing")
                .entity(Boolean.class)
                .isEqualTo(false);

        imapLink.dropEveryConnection(false);
        Health recovered = await(health -> health.state().equals("WATCHING"), Duration.ofSeconds(30), "recovered");
        assertThat(recovered.pushing()).isTrue();
        String subject = deliverWithNewSubject(JANE);
        awaitStored(subject);
    }

    @Test
    void aMailboxNothingWatchesIsOffWithTheReason() throws Exception {
        assertThat(health()).isEqualTo(new Health("OFF", null, PushStatuses.NOBODY_WATCHES, false));

        startPushing();
        await(health -> health.state().equals("WATCHING"), WITHIN, "watching");
        db.sql("update sync_lease set expires_at = now() - interval '1 second' "
                        + "where mailbox_id = :id and purpose = 'PUSH'")
                .bind("id", mailboxId)
                .then()
                .block();
        assertThat(health())
                .as("a lapsed lease: its holder is gone")
                .isEqualTo(new Health("OFF", null, PushStatuses.NOBODY_WATCHES, false));

        GreenMailUser user = mailServer.getUserManager().getUser(JANE);
        if (mailServer.getManagers().getImapHostManager().getFolder(user, "Projects") == null) {
            mailServer.getManagers().getImapHostManager().createMailbox(user, "Projects");
        }
        jane.graphQl()
                .documentName("selectMailboxFolders")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "folders", List.of("Projects")))
                .execute()
                .path("selectMailboxFolders.errors")
                .entityList(Object.class)
                .hasSize(0);
        Health inboxNotSynced = health();
        assertThat(inboxNotSynced.state()).isEqualTo("OFF");
        assertThat(inboxNotSynced.reason()).startsWith("INBOX is not among the synced folders");

        setEmailSyncEnabled(false);
        assertThat(health().reason()).isEqualTo("Email Synchronization is turned off by an administrator.");

        db.sql("update mailbox set state = 'NEEDS_REAUTH' where id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        assertThat(health()).isEqualTo(new Health("OFF", null, "The mailbox needs reconnecting.", false));
    }

    @Test
    void whatTheInstanceHoldingTheLeaseWroteIsWhatEveryInstanceShows() {
        setEmailSyncEnabled(true);
        OffsetDateTime since = OffsetDateTime.parse("2030-01-02T09:42:00Z");
        db.sql("insert into sync_lease (mailbox_id, purpose, holder, expires_at) "
                        + "values (:id, 'PUSH', 'instance B', now() + interval '1 minute')")
                .bind("id", mailboxId)
                .then()
                .block();
        db.sql("insert into mailbox_push (mailbox_id, holder, state, since, reason) "
                        + "values (:id, 'instance B', 'FAILING', :since, 'Connection refused.')")
                .bind("id", mailboxId)
                .bind("since", since)
                .then()
                .block();

        Health failing = health();
        assertThat(failing).isEqualTo(new Health("FAILING", failing.since(), "Connection refused.", false));
        assertThat(failing.since().toInstant()).isEqualTo(since.toInstant());

        db.sql("update mailbox_push set holder = 'instance A', state = 'WATCHING' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        assertThat(health())
                .as("what a former holder wrote does not count: B holds the lease, has written nothing")
                .isEqualTo(new Health("CONNECTING", null, null, false));
    }

    @Test
    void aUserReadsTheHealthOfTheirOwnMailboxesOnlyAndAdminsOfAll() {
        Sessions.Browser alice = sessions.signIn("alice", TestAccounts.PASSWORD);
        UUID shared = connect(alice, ADMIN_MS, Map.of("kind", "SYSTEM", "sharedAddress", SHARED));
        startPushing();
        await(health -> health.state().equals("WATCHING"), WITHIN, "watching");

        jane.graphQl()
                .document("{ myMailboxes { id push { state } lastSync { state } lastFailure { state } } }")
                .execute()
                .path("myMailboxes[*].id")
                .entityList(String.class)
                .containsExactly(mailboxId.toString())
                .path("myMailboxes[0].push.state")
                .entity(String.class)
                .isEqualTo("WATCHING");
        jane.graphQl()
                .document("query($id: UUID!) { mailbox(id: $id) { push { state reason } lastSync { state } } }")
                .variable("id", shared.toString())
                .execute()
                .path("mailbox")
                .valueIsNull();
        jane.graphQl()
                .document("{ allMailboxes { push { state } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .extracting(error -> error.getErrorType().toString())
                        .containsExactly("FORBIDDEN"));

        alice.graphQl()
                .document("{ allMailboxes { address push { state } pushing } }")
                .execute()
                .path("allMailboxes[*].address")
                .entityList(String.class)
                .contains(JANE, SHARED)
                .hasSize(2)
                .path("allMailboxes[?(@.address == '" + JANE + "')].push.state")
                .entityList(String.class)
                .containsExactly("WATCHING");
        sessions.anonymous()
                .graphQl()
                .document("{ myMailboxes { push { state } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .extracting(error -> error.getErrorType().toString())
                        .containsExactly("UNAUTHORIZED"));
    }

    private Health health() {
        Answer answer = jane.graphQl()
                .document(PUSH)
                .execute()
                .path("myMailboxes[0]")
                .entity(Answer.class)
                .get();
        return new Health(
                answer.push().state(), answer.push().since(), answer.push().reason(), answer.pushing());
    }

    /** Reads the health every 50 ms until it matches, failing after the deadline. */
    private Health await(Predicate<Health> wanted, Duration deadline, String what) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(50), Schedulers.boundedElastic())
                .map(tick -> health())
                .filter(wanted)
                .next()
                .timeout(
                        deadline,
                        Mono.error(() -> new AssertionError(
                                "Not within " + deadline + ": " + what + "; the push health is " + health())))
                .block();
    }

    private void awaitStored(String subject) {
        Flux.interval(Duration.ZERO, Duration.ofMillis(50), Schedulers.boundedElastic())
                .filter(tick -> storedSubjects(mailboxId).contains(subject))
                .next()
                .timeout(WITHIN, Mono.error(() -> new AssertionError("Not stored within " + WITHIN + ": " + subject)))
                .block();
    }

    private void startPushing() {
        setEmailSyncEnabled(true);
        watchers.refresh().block(WITHIN);
    }
}
