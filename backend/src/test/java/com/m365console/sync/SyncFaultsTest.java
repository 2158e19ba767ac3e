package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.AppInstance;
import com.m365console.support.DovecotTestBase;
import com.m365console.support.Eventually;
import com.m365console.support.SeededMail;
import com.m365console.support.Sessions;
import com.m365console.support.SyncNow;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * One run per mailbox, everywhere (issue 10, point 2), against Dovecot with two app instances on one database: a
 * double-clicked Sync now joins the running run, the other instance is told BUSY, and a run that lasts many lease
 * TTLs (short leases, a slow link) is never doubled. Runs are counted where the mail server sees them: the IMAP
 * connections that fetched messages.
 */
@TestPropertySource(
        properties = {
            "m365.sync.lease-ttl=PT3S",
            "m365.sync.lease-renew-every=PT1S",
            "m365.rate-limit.sync-mailbox=1000",
            "m365.sync.push.enabled=false"
        })
class SyncFaultsTest extends DovecotTestBase {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static AppInstance second;

    @Autowired
    Environment environment;

    Sessions.Browser jane;

    @BeforeEach
    void signInAndStartTheSecondInstance() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        if (second == null) {
            second = AppInstance.inThisJvm(AppInstance.sharedWith(environment));
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aDoubleClickedSyncNowJoinsTheRunAndTheOtherInstanceIsToldBusy() {
        SeededMail mail = SeededMail.deliver(dovecot, JANE, "INBOX", 200);
        UUID mailboxId = connect(jane, JANE);
        imapLink.throttle(60_000);

        CompletableFuture<SyncNow.Answer> click = press(sessions.baseUrl(), mailboxId);
        CompletableFuture<SyncNow.Answer> doubleClick = press(sessions.baseUrl(), mailboxId);
        Eventually.until("the run fetches mail", Duration.ofSeconds(30), () -> imapLink.fetchingConnections() > 0);
        SyncNow.Answer elsewhere = SyncNow.press(jane, second.baseUrl(), mailboxId);
        SyncNow.Answer first = click.join();
        SyncNow.Answer joined = doubleClick.join();

        var stored = mail.compare(db, mailboxId);
        System.out.println(stored.figures(
                "double-clicked Sync now + second instance",
                imapLink.fetchingConnections(),
                "n/a (busy answered in " + elsewhere.took().toMillis() + " ms)"));
        assertThat(elsewhere.state())
                .as("the other instance, while the run works")
                .isEqualTo("BUSY");
        assertThat(elsewhere.took()).as("answered at once, not after the run").isLessThan(Duration.ofSeconds(3));
        assertThat(List.of(first, joined)).extracting(SyncNow.Answer::state).containsOnly("SUCCEEDED");
        assertThat(List.of(first, joined))
                .as("the double click got the run's own result")
                .extracting(SyncNow.Answer::newMessages)
                .containsOnly(200);
        assertThat(imapLink.fetchingConnections())
                .as("IMAP connections that fetched mail: runs; Dovecot saw:\n%s", imapSessions())
                .isEqualTo(1);
        assertThat(stored.exact()).as(stored.toString()).isTrue();
    }

    @Test
    void aRunLastingManyLeaseLifetimesIsNeverDoubledByTheOtherInstance() {
        SeededMail mail = SeededMail.deliver(dovecot, JANE, "INBOX", 600);
        UUID mailboxId = connect(jane, JANE);
        imapLink.throttle(50_000);

        CompletableFuture<SyncNow.Answer> run = press(sessions.baseUrl(), mailboxId);
        Eventually.until("the run fetches mail", Duration.ofSeconds(30), () -> imapLink.fetchingConnections() > 0);
        List<SyncNow.Answer> asked = new ArrayList<>();
        // Each ask goes out while the run has not stored everything yet, so while it certainly still works.
        while (SeededMail.stored(db, mailboxId) < mail.size()) {
            asked.add(SyncNow.press(jane, second.baseUrl(), mailboxId));
            pauseBetweenClicks();
        }
        SyncNow.Answer result = run.join();

        var stored = mail.compare(db, mailboxId);
        long busy =
                asked.stream().filter(answer -> "BUSY".equals(answer.state())).count();
        System.out.println(stored.figures(
                "run of " + result.took().toSeconds() + " s under a " + TTL.toSeconds()
                        + " s lease, other instance asking " + asked.size() + " times (" + busy + " BUSY)",
                imapLink.fetchingConnections(),
                "n/a"));
        assertThat(result.state()).isEqualTo("SUCCEEDED");
        assertThat(result.took())
                .as("the run outlived its lease's TTL many times")
                .isGreaterThan(TTL.multipliedBy(4));
        assertThat(asked)
                .as("every ask of the other instance during the run")
                .isNotEmpty()
                .extracting(SyncNow.Answer::state)
                .containsOnly("BUSY");
        assertThat(imapLink.fetchingConnections())
                .as("IMAP connections that fetched mail: runs; Dovecot saw:\n%s", imapSessions())
                .isEqualTo(1);
        assertThat(imapLink.mostFetchingAtOnce()).isEqualTo(1);
        assertThat(stored.exact()).as(stored.toString()).isTrue();
    }

    /** Dovecot's line for each IMAP session of Jane's: how much it read and sent, how it ended. */
    private static String imapSessions() {
        return String.join(
                "\n",
                dovecot.log()
                        .lines()
                        .filter(line -> line.contains("imap(" + JANE + ")") && line.contains("Disconnected"))
                        .toList());
    }

    private CompletableFuture<SyncNow.Answer> press(String instance, UUID mailboxId) {
        return CompletableFuture.supplyAsync(() -> SyncNow.press(jane, instance, mailboxId));
    }

    /** A person clicking Sync now on the other instance about twice a second, not a wait for anything. */
    private static void pauseBetweenClicks() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
