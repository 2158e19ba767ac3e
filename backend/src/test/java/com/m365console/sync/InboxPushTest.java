package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** New mail pushed over IMAP IDLE on INBOX: stored within seconds, across token renewals, and only while wanted. */
class InboxPushTest extends Microsoft365TestBase {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Autowired
    InboxPushWatchers watchers;

    @Autowired
    SyncEvents events;

    @Autowired
    PushConnector connector;

    @Autowired
    MailboxSynchronizer synchronizer;

    @Autowired
    PushStatusStore pushStates;

    UUID mailboxId;

    final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);

    @BeforeEach
    void registerTheApp() throws Exception {
        resetWithRegisteredApp();
    }

    @AfterEach
    void stopPushing() {
        setEmailSyncEnabled(false);
        watchers.refresh().block(WITHIN);
        microsoft.accessTokenLifetime(Duration.ofSeconds(3599));
        pool.shutdownNow();
    }

    @Test
    void newMailIsStoredSecondsAfterItArrivesWithoutAnyScheduledRun() throws Exception {
        connectJane();
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        steps.subscribe();
        startPushing();
        SyncStatus caughtUp = steps.filter(status -> status.state() == SyncState.SUCCEEDED)
                .next()
                .block(WITHIN);
        assertThat(caughtUp.newMessages()).isZero();

        String subject = deliverWithNewSubject(JANE);

        SyncStatus pushed = steps.filter(status -> status.state() == SyncState.SUCCEEDED)
                .filter(status -> status.newMessages() > 0)
                .next()
                .block(WITHIN);
        assertThat(pushed.newMessages()).isEqualTo(1);
        assertThat(storedSubjects(mailboxId)).containsExactly(subject);
        assertThat(watchers.connections(mailboxId))
                .as("the same IDLE connection fetched it")
                .isEqualTo(1);
    }

    @Test
    void theConnectionLogsInAgainWithAFreshTokenBeforeItsTokenExpires() throws Exception {
        microsoft.accessTokenLifetime(Duration.ofSeconds(4));
        connectJane();
        long refreshesBefore = refreshTokenRequests();
        startPushing();

        awaitTrue(() -> watchers.connections(mailboxId) >= 3, "three connections, one per token lifetime");
        String subject = deliverWithNewSubject(JANE);

        awaitTrue(() -> storedSubjects(mailboxId).contains(subject), "the new mail stored");
        assertThat(watchers.isWatching(mailboxId)).isTrue();
        assertThat(refreshTokenRequests() - refreshesBefore)
                .as("the logins used refreshed tokens (the mail server " + "accepts only the newest)")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void renewingIdleKeepsTheConnectionAndNewMailStillArrives() throws Exception {
        connectJane();
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        steps.subscribe();
        InboxPushWatcher watcher = new InboxPushWatcher(
                mailboxId,
                connector,
                synchronizer,
                events,
                new PushProperties(true, Duration.ofMillis(300), Duration.ofMinutes(5), null, null),
                new PushStateWriter(mailboxId, "renewing-watcher", pushStates),
                pool);
        watcher.start();
        Disposable ticks = Flux.interval(Duration.ofMillis(100)).subscribe(tick -> watcher.wakeIfDue());
        try {
            steps.filter(status -> status.state() == SyncState.SUCCEEDED)
                    .take(4)
                    .blockLast(WITHIN);
            String subject = deliverWithNewSubject(JANE);

            awaitTrue(() -> storedSubjects(mailboxId).contains(subject), "the new mail stored after three renewals");
            assertThat(watcher.connections())
                    .as("renewals reuse the connection")
                    .isEqualTo(1);
        } finally {
            ticks.dispose();
            watcher.stop();
            assertThat(watcher.awaitFinished(WITHIN)).isTrue();
        }
    }

    @Test
    void aGrantRevokedAtMicrosoftStopsPushingAndSaysTheMailboxNeedsReconnecting() throws Exception {
        microsoft.accessTokenLifetime(Duration.ofSeconds(4));
        connectJane();
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        steps.subscribe();
        startPushing();

        microsoft.revokeGrants(JANE);

        SyncStatus reauth = steps.filter(status -> status.state() == SyncState.NEEDS_REAUTH)
                .next()
                .block(WITHIN);
        assertThat(reauth.reason()).isNotBlank();
        awaitTrue(() -> !watchers.isWatching(mailboxId), "the watcher stopped");
        assertThat(db.sql("select state from mailbox where id = :id")
                        .bind("id", mailboxId)
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("NEEDS_REAUTH");
        watchers.refresh().block(WITHIN);
        assertThat(pushLeaseHolders())
                .as("not watched again while it needs reconnecting")
                .isZero();
    }

    @Test
    void mailPushedWhileAnotherRunHoldsTheMailboxIsStoredWhenThatRunEnds() throws Exception {
        connectJane();
        startPushing();
        awaitTrue(
                () -> watchers.connections(mailboxId) == 1 && janeSeesPushing(),
                "the watcher connected and its first run ended (releasing the SYNC lease)");
        db.sql("insert into sync_lease (mailbox_id, purpose, holder, expires_at) "
                        + "values (:id, 'SYNC', 'another instance', now() + interval '1 hour')")
                .bind("id", mailboxId)
                .then()
                .block();

        String subject = deliverWithNewSubject(JANE);
        db.sql("delete from sync_lease where mailbox_id = :id and purpose = 'SYNC'")
                .bind("id", mailboxId)
                .then()
                .block();

        awaitTrue(() -> storedSubjects(mailboxId).contains(subject), "the new mail stored once the lease was free");
    }

    @Test
    void pushingStopsWhenScheduledSyncIsTurnedOffOrTheMailboxIsDisconnected() throws Exception {
        connectJane();
        assertThat(janeSeesPushing()).isFalse();
        startPushing();
        assertThat(pushLeaseHolders()).isEqualTo(1);
        awaitTrue(this::janeSeesPushing, "jane sees her mailbox pushed once its watcher waits in IDLE");

        setEmailSyncEnabled(false);
        watchers.refresh().block(WITHIN);
        assertThat(watchers.isWatching(mailboxId)).isFalse();
        assertThat(pushLeaseHolders()).isZero();
        assertThat(janeSeesPushing()).isFalse();

        startPushing();
        db.sql("update mailbox set state = 'NEEDS_REAUTH' where id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        watchers.refresh().block(WITHIN);
        assertThat(watchers.isWatching(mailboxId)).isFalse();
        assertThat(pushLeaseHolders()).isZero();
    }

    @Test
    void aTokenTheServerEndedEarlyIsRenewedOnceAndPushingGoesOn() throws Exception {
        connectJane();
        endAccessTokenEarly(JANE);
        long refreshesBefore = refreshTokenRequests();
        startPushing();

        awaitTrue(() -> watchers.connections(mailboxId) == 1, "the watcher logged in with a renewed token");
        String subject = deliverWithNewSubject(JANE);

        awaitTrue(() -> storedSubjects(mailboxId).contains(subject), "the new mail stored");
        assertThat(refreshTokenRequests() - refreshesBefore).isEqualTo(1);
    }

    @Test
    void aRefusedTokenWhoseRenewalMicrosoftRefusesStopsPushingForReconnecting() throws Exception {
        connectJane();
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        steps.subscribe();
        endAccessTokenEarly(JANE);
        microsoft.revokeGrants(JANE);
        setEmailSyncEnabled(true);
        watchers.refresh().block(WITHIN);

        SyncStatus reauth = steps.filter(status -> status.state() == SyncState.NEEDS_REAUTH)
                .next()
                .block(WITHIN);
        assertThat(reauth.reason()).contains("reconnect the mailbox");
        awaitTrue(() -> !watchers.isWatching(mailboxId), "the watcher stopped");
        assertThat(mailboxState()).isEqualTo("NEEDS_REAUTH");
    }

    @Test
    void mailAccessRefusedStopsPushingUntilACheckWorksAgain() throws Exception {
        connectJane();
        Flux<SyncStatus> steps = events.of(mailboxId).replay().autoConnect();
        steps.subscribe();
        refuseMailAccess(JANE);
        setEmailSyncEnabled(true);
        watchers.refresh().block(WITHIN);

        SyncStatus refused = steps.filter(status -> status.state() == SyncState.ACCESS_REFUSED)
                .next()
                .block(WITHIN);
        assertThat(refused.reason()).startsWith("Mail access refused").contains("IMAP");
        awaitTrue(() -> !watchers.isWatching(mailboxId), "the watcher stopped");
        assertThat(mailboxState()).isEqualTo("ACCESS_REFUSED");
        watchers.refresh().block(WITHIN);
        assertThat(pushLeaseHolders())
                .as("not watched while its mail access is refused")
                .isZero();

        allowMailAccess(JANE);
        sessions.signIn("jane", TestAccounts.PASSWORD)
                .graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED");
        startPushing();
        String subject = deliverWithNewSubject(JANE);
        awaitTrue(() -> storedSubjects(mailboxId).contains(subject), "pushed again once CONNECTED");
    }

    private String mailboxState() {
        return db.sql("select state from mailbox where id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private void connectJane() {
        mailboxId = connect(sessions.signIn("jane", TestAccounts.PASSWORD), JANE, Map.of());
    }

    private boolean janeSeesPushing() {
        return sessions.signIn("jane", TestAccounts.PASSWORD)
                .graphQl()
                .document("{ myMailboxes { pushing } }")
                .execute()
                .path("myMailboxes[0].pushing")
                .entity(Boolean.class)
                .get();
    }

    private void startPushing() {
        setEmailSyncEnabled(true);
        watchers.refresh().block(WITHIN);
        assertThat(watchers.isWatching(mailboxId)).isTrue();
    }

    private static long refreshTokenRequests() {
        return microsoft.tokenRequests().stream()
                .filter(request -> "refresh_token".equals(request.get("grant_type")))
                .count();
    }

    private long pushLeaseHolders() {
        return db.sql("select count(*) from sync_lease "
                        + "where mailbox_id = :id and purpose = 'PUSH' and expires_at > now()")
                .bind("id", mailboxId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    /** Checks the condition every 50 ms until it holds, failing after {@link #WITHIN}. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        Flux.interval(Duration.ZERO, Duration.ofMillis(50), Schedulers.boundedElastic())
                .filter(tick -> condition.getAsBoolean())
                .next()
                .timeout(WITHIN, Mono.error(() -> new AssertionError("Not within " + WITHIN + ": " + what)))
                .block();
    }
}
