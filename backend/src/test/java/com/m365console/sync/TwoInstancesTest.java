package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.M365ConsoleApplication;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.platform.ratelimit.OperationRateLimits;
import com.m365console.platform.ratelimit.RateLimitedOperation;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.TestAccounts;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Two app instances on one database: one synchronisation per mailbox at a time, and status events reach both. */
class TwoInstancesTest extends Microsoft365TestBase {

    static ConfigurableApplicationContext second;

    @Autowired
    MailboxSynchronizer firstSynchronizer;

    @Autowired
    SyncEvents firstEvents;

    @Autowired
    InboxPushWatchers firstWatchers;

    @Autowired
    Environment environment;

    UUID mailboxId;

    @BeforeEach
    void connectAndStartTheSecondInstance() throws Exception {
        resetWithRegisteredApp();
        mailboxId = connect(sessions.signIn("jane", TestAccounts.PASSWORD), JANE, Map.of());
        if (second == null) {
            second = new SpringApplicationBuilder(M365ConsoleApplication.class)
                    .profiles("test")
                    .run(
                            "--server.port=0",
                            "--spring.r2dbc.url=" + environment.getProperty("spring.r2dbc.url"),
                            "--m365.microsoft.authority-host=" + microsoft.authority(),
                            "--m365.mail.imap.host=127.0.0.1",
                            "--m365.mail.imap.port=" + environment.getProperty("m365.mail.imap.port"),
                            "--m365.mail.imap.security=NONE",
                            "--m365.sync.batch-size=5");
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSyncRunOnOneInstanceIsSeenBySubscribersOfTheOther() throws Exception {
        deliver(3);
        Flux<SyncStatus> onSecond =
                second.getBean(SyncEvents.class).of(mailboxId).replay().autoConnect();
        assertThat(onSecond.next().block(Duration.ofSeconds(10))).isNotNull();

        firstSynchronizer.sync(mailboxId).block(Duration.ofSeconds(60));

        List<SyncState> seen = onSecond.map(SyncStatus::state)
                .takeUntil(SyncState.SUCCEEDED::equals)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(seen).contains(SyncState.CONNECTING, SyncState.SYNCING).endsWith(SyncState.SUCCEEDED);
    }

    @Test
    void bothInstancesAskingAtOnceNeverSynchroniseTheMailboxTogether() throws Exception {
        deliver(40);
        MailboxSynchronizer secondSynchronizer = second.getBean(MailboxSynchronizer.class);

        List<SyncStatus> results = Flux.merge(firstSynchronizer.sync(mailboxId), secondSynchronizer.sync(mailboxId))
                .map(outcome -> outcome.status(mailboxId))
                .collectList()
                .block(Duration.ofSeconds(120));

        List<SyncStatus> ran = results.stream()
                .filter(status -> status.state() == SyncState.SUCCEEDED)
                .toList();
        assertThat(ran).isNotEmpty();
        if (ran.size() == 2) {
            SyncStatus earlier = ran.get(0).at().isBefore(ran.get(1).at()) ? ran.get(0) : ran.get(1);
            SyncStatus later = earlier == ran.get(0) ? ran.get(1) : ran.get(0);
            assertThat(later.at().minus(Duration.ofMillis(later.durationMs())))
                    .as("the runs do not overlap")
                    .isAfterOrEqualTo(earlier.at());
        } else {
            assertThat(results)
                    .extracting(SyncStatus::state)
                    .containsExactlyInAnyOrder(SyncState.SUCCEEDED, SyncState.BUSY);
        }
        assertThat(ran.stream().mapToInt(SyncStatus::newMessages).sum()).isEqualTo(40);
        assertThat(db.sql("select count(*) from mail_message m join mail_folder f on f.id = m.folder_id "
                                + "where f.mailbox_id = :id")
                        .bind("id", mailboxId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(40);
    }

    @Test
    void oneInstancePushesTheMailboxsNewMailAndTheOtherTakesOverWhenItsLeaseLapses() throws Exception {
        InboxPushWatchers secondWatchers = second.getBean(InboxPushWatchers.class);
        try {
            firstWatchers.refresh().block(Duration.ofSeconds(30));
            secondWatchers.refresh().block(Duration.ofSeconds(30));
            assertThat(firstWatchers.isWatching(mailboxId)).isTrue();
            assertThat(secondWatchers.isWatching(mailboxId)).isFalse();

            db.sql("update sync_lease set expires_at = now() - interval '1 second' where purpose = 'PUSH'")
                    .then()
                    .block();
            secondWatchers.refresh().block(Duration.ofSeconds(30));
            firstWatchers.refresh().block(Duration.ofSeconds(30));

            assertThat(secondWatchers.isWatching(mailboxId))
                    .as("took over the lapsed lease")
                    .isTrue();
            assertThat(firstWatchers.isWatching(mailboxId))
                    .as("stopped once its lease was gone")
                    .isFalse();
        } finally {
            accounts.reset();
            firstWatchers.refresh().block(Duration.ofSeconds(30));
            secondWatchers.refresh().block(Duration.ofSeconds(30));
        }
    }

    @Test
    void theSyncNowLimitIsSharedByBothInstances() {
        var jane = sessions.graphQl("jane", TestAccounts.PASSWORD);
        for (int i = 0; i < 6; i++) {
            jane.documentName("syncMailbox")
                    .variable("input", Map.of("mailboxId", mailboxId.toString()))
                    .execute()
                    .path("syncMailbox.errors")
                    .entityList(Object.class)
                    .hasSize(0);
        }
        AtomicBoolean ran = new AtomicBoolean();

        UserError refused = second.getBean(OperationRateLimits.class)
                .within(
                        RateLimitedOperation.SYNC_MAILBOX,
                        mailboxId.toString(),
                        error -> error,
                        () -> Mono.fromRunnable(() -> ran.set(true)))
                .block(Duration.ofSeconds(10));

        assertThat(ran).as("the second instance counted the first one's calls").isFalse();
        assertThat(refused.code()).isEqualTo(UserErrorCode.RATE_LIMITED);
    }

    private void deliver(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
            message.setFrom(new InternetAddress("sender@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(JANE));
            message.setSubject("Two instances " + UUID.randomUUID());
            message.setText("Body");
            mailServer.getUserManager().getUser(JANE).deliver(message);
        }
    }
}
