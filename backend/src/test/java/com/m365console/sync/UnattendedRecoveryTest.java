package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.DovecotTestBase;
import com.m365console.support.Eventually;
import com.m365console.support.SeededMail;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Recovery without a person (issue 10, point 4): a scheduled first sync whose IMAP connection is cut ten times,
 * each cut after some batches were stored, finishes by itself soon after the last cut, with the exact set: each
 * run that stored mail resets the backoff, so the next attempt comes after the first retry delay again.
 */
@TestPropertySource(
        properties = {
            "m365.sync.schedule-check-interval=PT1S",
            "m365.sync.retry-first=PT1S",
            "m365.sync.push.enabled=false"
        })
class UnattendedRecoveryTest extends DovecotTestBase {

    private static final int MESSAGES = 600;
    private static final int CUTS = 10;
    /** About 20 messages of about 1.5 KB each get through a connection before it is cut. */
    private static final long CUT_AFTER_BYTES = 32_000;

    @Test
    void aFirstSyncCutTenTimesFinishesUnattended() throws Exception {
        resetWithRegisteredApp();
        SeededMail mail = SeededMail.deliver(dovecot, JANE, "INBOX", MESSAGES);
        imapLink.cutConnectionsAfter(CUTS, CUT_AFTER_BYTES);

        long started = System.nanoTime();
        UUID mailboxId = connect(sessions.signIn("jane", TestAccounts.PASSWORD), JANE);
        AtomicLong lastCut = new AtomicLong();
        Eventually.until(
                "every message is stored, nobody pressing anything",
                Duration.ofMinutes(3),
                () -> {
                    if (imapLink.cuts() < CUTS) {
                        lastCut.set(System.nanoTime());
                    }
                    return SeededMail.stored(db, mailboxId) >= MESSAGES;
                },
                () -> SeededMail.stored(db, mailboxId) + " stored after " + imapLink.cuts() + " cuts");
        long finished = System.nanoTime();

        var stored = mail.compare(db, mailboxId);
        Duration afterLastCut = Duration.ofNanos(finished - lastCut.get());
        System.out.println(stored.figures(
                CUTS + " cuts of a first sync, unattended",
                imapLink.fetchingConnections(),
                "all stored " + afterLastCut.toMillis() + " ms after the last cut, "
                        + Duration.ofNanos(finished - started).toMillis() + " ms after connecting"));
        assertThat(imapLink.cuts()).isEqualTo(CUTS);
        assertThat(stored.exact()).as(stored.toString()).isTrue();
        assertThat(imapLink.mostFetchingAtOnce()).isEqualTo(1);
        assertThat(afterLastCut)
                .as("the backoff was reset by every run that stored mail")
                .isLessThan(Duration.ofSeconds(60));
    }
}
