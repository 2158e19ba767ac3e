package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.AppInstance;
import com.m365console.support.DovecotTestBase;
import com.m365console.support.Eventually;
import com.m365console.support.SeededMail;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A killed instance's mailbox is taken over within the lease's TTL (issue 10, point 2): the instance running a
 * scheduled first sync is a JVM of its own, killed with SIGKILL mid-run; another instance's scheduler takes the
 * lapsed lease and finishes from the stored checkpoint, fetching only what was not stored yet.
 */
class HolderKilledTest extends DovecotTestBase {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final int MESSAGES = 900;
    private static final int BATCH = 5;
    private static final Pattern FETCHED = Pattern.compile("body_count=(\\d+)");

    @Autowired
    Environment environment;

    AppInstance holder;
    AppInstance survivor;

    @AfterEach
    void stopTheInstances() {
        if (holder != null) {
            holder.close();
        }
        if (survivor != null) {
            survivor.close();
        }
    }

    @Test
    void anotherInstanceTakesOverWithinTheLeaseAndFinishesFromTheCheckpoint() throws Exception {
        resetWithRegisteredApp();
        long loggedOutBefore = dovecot.countLog(HolderKilledTest::loggedOut);
        SeededMail mail = SeededMail.deliver(dovecot, JANE, "INBOX", MESSAGES);
        imapLink.throttle(40_000);
        holder = AppInstance.process("holder-killed", schedulingInstance());
        UUID mailboxId = connect(sessions.signIn("jane", TestAccounts.PASSWORD), JANE);
        Eventually.until(
                "the holder stores the first batches",
                Duration.ofSeconds(60),
                () -> SeededMail.stored(db, mailboxId) >= 50);
        survivor = AppInstance.inThisJvm(schedulingInstance());
        Eventually.until(
                "a third of the mail is stored",
                Duration.ofSeconds(60),
                () -> SeededMail.stored(db, mailboxId) >= MESSAGES / 3);
        assertThat(SeededMail.stored(db, mailboxId))
                .as("the holder is still mid-run")
                .isLessThan(MESSAGES);
        assertThat(imapLink.fetchingConnections())
                .as("the survivor did not start while the holder lived")
                .isEqualTo(1);

        long killed = System.nanoTime();
        holder.kill();
        long storedAtKill = SeededMail.stored(db, mailboxId);
        Eventually.until(
                "another instance fetches the rest", Duration.ofSeconds(60), () -> imapLink.fetchingConnections() >= 2);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        imapLink.throttle(0);
        Eventually.until(
                "every message is stored",
                Duration.ofSeconds(120),
                () -> SeededMail.stored(db, mailboxId) >= MESSAGES,
                () -> SeededMail.stored(db, mailboxId) + " stored");
        Duration recovered = Duration.ofNanos(System.nanoTime() - killed);
        dovecot.awaitLog(HolderKilledTest::loggedOut, loggedOutBefore + 1, Duration.ofSeconds(10));

        var stored = mail.compare(db, mailboxId);
        long fetchedBySurvivor = fetchedByTheLastSession();
        System.out.println(stored.figures(
                "kill -9 of the holder mid-sync",
                imapLink.fetchingConnections(),
                "takeover " + takeover.toMillis() + " ms, all stored " + recovered.toMillis() + " ms after the kill, "
                        + "unthrottled after the takeover ("
                        + storedAtKill + " stored at the kill, " + fetchedBySurvivor + " fetched after)"));
        assertThat(takeover)
                .as("within the TTL and a schedule check")
                .isLessThan(TTL.plus(CHECK_EVERY).plusSeconds(6));
        assertThat(stored.exact()).as(stored.toString()).isTrue();
        assertThat(imapLink.mostFetchingAtOnce()).isEqualTo(1);
        assertThat(fetchedBySurvivor)
                .as("the survivor fetched only what the holder had not stored")
                .isLessThanOrEqualTo(MESSAGES - storedAtKill + BATCH);
    }

    /** Bodies fetched in the session that finished the mailbox, by Dovecot's logout line. */
    private static long fetchedByTheLastSession() {
        String last = dovecot.log()
                .lines()
                .filter(HolderKilledTest::loggedOut)
                .reduce((first, second) -> second)
                .orElseThrow();
        Matcher count = FETCHED.matcher(last);
        assertThat(count.find()).as(last).isTrue();
        return Long.parseLong(count.group(1));
    }

    private static boolean loggedOut(String line) {
        return line.contains("imap(" + JANE + ")") && line.contains("Logged out");
    }

    /** An instance whose scheduler looks for due mailboxes every second, with a short sync lease. */
    private Map<String, String> schedulingInstance() {
        Map<String, String> properties = new LinkedHashMap<>(AppInstance.sharedWith(environment));
        properties.put("m365.sync.schedule-check-interval", "PT" + CHECK_EVERY.toSeconds() + "S");
        properties.put("m365.sync.lease-ttl", "PT" + TTL.toSeconds() + "S");
        properties.put("m365.sync.lease-renew-every", "PT1S");
        properties.put("m365.sync.retry-first", "PT1S");
        properties.put("m365.sync.push.enabled", "false");
        properties.put("m365.sync.batch-size", String.valueOf(BATCH));
        return properties;
    }
}
