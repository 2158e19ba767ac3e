package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.platform.crypto.SecretCipher;
import com.m365console.support.AppInstance;
import com.m365console.support.DovecotTestBase;
import com.m365console.support.Eventually;
import com.m365console.support.SeededMail;
import com.m365console.support.SeededMailboxes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Push at scale (issue 11): one instance watches many mailboxes over IDLE on a fixed number of threads, two instances
 * split the watchers through the PUSH lease, and a killed instance's mailboxes are pushed by the other within the
 * lease TTL plus a check.
 */
class PushAtScaleTest extends DovecotTestBase {

    private static final int MAILBOXES = 50;
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final Duration CHILD_TTL = Duration.ofSeconds(5);
    private static final Duration CHILD_CHECK = Duration.ofSeconds(1);

    static {
        SeededMailboxes.addAccounts(microsoft, TENANT, MAILBOXES);
    }

    @Autowired
    InboxPushWatchers watchers;

    @Autowired
    SecretCipher cipher;

    @Autowired
    Environment environment;

    AppInstance other;

    @AfterEach
    void stopWatching() {
        if (other != null) {
            other.close();
        }
        db.sql("delete from mailbox where address like 'push%@contoso.com'")
                .then()
                .block();
        watchers.refresh().block(WITHIN);
    }

    @Test
    void fiftyMailboxesAreWatchedOnAsManyThreadsAsTen() throws Exception {
        resetWithRegisteredApp();
        wipe(MAILBOXES);
        UUID owner = SeededMailboxes.userId(db, "jane");
        List<UUID> ten = SeededMailboxes.create(db, cipher, microsoft, clientId, owner, 0, 10);
        awaitWatching(ten);
        Threads withTen = Threads.count();

        List<UUID> fifty = new java.util.ArrayList<>(ten);
        fifty.addAll(SeededMailboxes.create(db, cipher, microsoft, clientId, owner, 10, MAILBOXES));
        awaitWatching(fifty);
        Threads withFifty = Threads.count();

        assertThat(withFifty.notElastic() - withTen.notElastic())
                .as("threads outside Reactor's bounded pool (" + withTen + " with 10, " + withFifty + " with 50)")
                .isLessThanOrEqualTo(2);
        assertThat(withFifty.all() - withTen.all())
                .as("all threads (" + withTen + " with 10, " + withFifty + " with 50): fewer than one per mailbox")
                .isLessThan(20);
        for (int n : new int[] {3, 27, 49}) {
            SeededMail.deliver(dovecot, SeededMailboxes.address(n), "INBOX", 1);
            UUID mailboxId = fifty.get(n);
            Eventually.until(
                    "push" + n + "'s new mail stored",
                    Duration.ofSeconds(20),
                    () -> SeededMail.stored(db, mailboxId) == 1);
        }
    }

    @Test
    void twoInstancesSplitTheMailboxesAndTheSurvivorPushesAKilledOnesWithinTheLease() throws Exception {
        resetWithRegisteredApp();
        int count = 20;
        wipe(count);
        UUID owner = SeededMailboxes.userId(db, "jane");
        List<UUID> mailboxes = SeededMailboxes.create(db, cipher, microsoft, clientId, owner, 0, count);
        Map<String, String> properties = AppInstance.sharedWith(environment);
        properties.put("m365.sync.push.lease-ttl", "PT" + CHILD_TTL.toSeconds() + "S");
        properties.put("m365.sync.push.check-interval", "PT" + CHILD_CHECK.toSeconds() + "S");
        other = AppInstance.process("push-at-scale-other", properties);

        Eventually.until(
                "the instances hold half of the mailboxes each",
                WITHIN,
                () -> {
                    watchers.refresh().block(WITHIN);
                    return mine(mailboxes) == count / 2 && leased() == count;
                },
                () -> "this instance " + mine(mailboxes) + ", leased " + leased());
        Eventually.until("every mailbox WATCHING", WITHIN, () -> watching() == count);
        List<UUID> theirs =
                mailboxes.stream().filter(id -> !watchers.isWatching(id)).toList();

        long killed = System.nanoTime();
        other.kill();
        Eventually.until("this instance watches the killed one's mailboxes", WITHIN, () -> {
            watchers.refresh().block(WITHIN);
            return mine(mailboxes) == count;
        });
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(takeover)
                .as("taken over within the lease TTL plus a check (and this instance's half-second checks)")
                .isLessThanOrEqualTo(CHILD_TTL.plus(CHILD_CHECK).plusSeconds(2));

        UUID moved = theirs.get(0);
        int n = mailboxes.indexOf(moved);
        Eventually.until("the moved mailbox WATCHING here", WITHIN, () -> watching() == count);
        SeededMail.deliver(dovecot, SeededMailboxes.address(n), "INBOX", 1);
        Eventually.until("its new mail stored", Duration.ofSeconds(20), () -> SeededMail.stored(db, moved) == 1);
    }

    private void awaitWatching(List<UUID> mailboxes) {
        Eventually.until(
                mailboxes.size() + " mailboxes watched",
                WITHIN,
                () -> {
                    watchers.refresh().block(WITHIN);
                    return mine(mailboxes) == mailboxes.size() && watching() == mailboxes.size();
                },
                () -> "watched " + mine(mailboxes) + ", WATCHING " + watching());
    }

    private long mine(List<UUID> mailboxes) {
        return mailboxes.stream().filter(watchers::isWatching).count();
    }

    private long leased() {
        return db.sql("select count(*) from sync_lease where purpose = 'PUSH' and expires_at > now()")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private long watching() {
        return db.sql("select count(*) from mailbox_push p join sync_lease l on l.mailbox_id = p.mailbox_id "
                        + "and l.purpose = 'PUSH' and l.holder = p.holder and l.expires_at > now() "
                        + "where p.state = 'WATCHING'")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static void wipe(int count) {
        for (int n = 0; n < count; n++) {
            dovecot.wipe(SeededMailboxes.address(n));
        }
    }

    /**
     * Live threads of this JVM but the test's own proxy (two per connection): all of them, and those outside
     * Reactor's boundedElastic pool (which Reactor caps itself), with a count by kind for the failure message.
     */
    private record Threads(int all, int notElastic, Map<String, Long> byKind) {

        static Threads count() {
            List<String> names = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> !name.startsWith("cutting-proxy"))
                    .toList();
            return new Threads(
                    names.size(),
                    (int) names.stream()
                            .filter(name -> !name.startsWith("boundedElastic"))
                            .count(),
                    names.stream()
                            .collect(Collectors.groupingBy(
                                    name -> name.replaceAll("[0-9a-f-]{8,}|\\d+", "#"),
                                    TreeMap::new,
                                    Collectors.counting())));
        }
    }
}
