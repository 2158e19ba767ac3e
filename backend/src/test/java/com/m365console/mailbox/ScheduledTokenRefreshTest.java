package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The refresh ahead of expiry runs by itself, on time, with nobody using the mailbox, while another scheduled task
 * is stuck; and while a refresh waits on a slow Microsoft, pages and token users are answered at once. The context
 * is closed after the class, so its one-second refresh check does not refresh other classes' tokens.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"m365.mailbox.refresh-check-interval=PT1S", "m365.mailbox.refresh-ahead=PT10M"})
@Import(ScheduledTokenRefreshTest.StuckTask.class)
@DirtiesContext
class ScheduledTokenRefreshTest extends Microsoft365TestBase {

    /** More concurrent uses of a token than the connection pool has connections (10). */
    private static final int USES = 12;
    /** Holds its scheduler thread from the start until the class is done, like a sync that takes minutes. */
    private static final CountDownLatch STUCK = new CountDownLatch(1);

    @Autowired
    SecretCipher cipher;

    @Autowired
    MailboxTokens tokens;

    Sessions.Browser jane;

    @BeforeEach
    void configure() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
    }

    @AfterEach
    void answerAtOnce() {
        microsoft.delayTokenResponses(Duration.ZERO);
    }

    @AfterAll
    static void release() {
        STUCK.countDown();
    }

    @Test
    void aTokenAboutToExpireIsRefreshedOnScheduleWithNoUserActivity(CapturedOutput output) {
        UUID mailboxId = connect(jane, JANE, Map.of());
        String refreshBefore = refreshToken(mailboxId);
        expiresIn(mailboxId, "400 seconds");

        waitUntil(Duration.ofSeconds(20), "the stored expiry moved", () -> expiresLaterThan(mailboxId, "30 minutes"));

        assertThat(refreshGrants(refreshBefore))
                .as("refresh grants with the stored refresh token")
                .hasSize(1);
        String refreshAfter = refreshToken(mailboxId);
        assertThat(refreshAfter).isNotEqualTo(refreshBefore);
        assertThat(refreshGrants(refreshAfter))
                .as("the rotated refresh token, not used yet")
                .isEmpty();
        assertThat(state(mailboxId)).isEqualTo("CONNECTED");
        assertThat(output.getAll())
                .contains("Refreshed the access token of mailbox " + mailboxId + " ahead of expiry")
                .doesNotContain(refreshBefore)
                .doesNotContain(refreshAfter);
        microsoft
                .validAccessTokens()
                .forEach(token -> assertThat(output.getAll()).doesNotContain(token));
    }

    @Test
    void pagesAndTokenUsersDoNotWaitForARefreshUnderWay() throws Exception {
        UUID mailboxId = connect(jane, JANE, Map.of());
        String accessBefore = tokens.accessToken(mailboxId).block(Duration.ofSeconds(10));
        String refreshBefore = refreshToken(mailboxId);
        microsoft.delayTokenResponses(Duration.ofSeconds(10));
        expiresIn(mailboxId, "5 minutes");
        waitUntil(
                Duration.ofSeconds(10),
                "the refresh grant reached Microsoft",
                () -> !refreshGrants(refreshBefore).isEmpty());

        long started = System.nanoTime();
        CompletableFuture<List<String>> uses = Flux.range(0, USES)
                .flatMap(i -> tokens.accessToken(mailboxId))
                .collectList()
                .toFuture();
        jane.graphQl()
                .documentName("myMailboxes")
                .execute()
                .path("myMailboxes[0].id")
                .entity(String.class)
                .isEqualTo(mailboxId.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(uses.get(2, TimeUnit.SECONDS))
                .as("the current token, still good for minutes")
                .hasSize(USES)
                .containsOnly(accessBefore);
        assertThat(expiresLaterThan(mailboxId, "30 minutes"))
                .as("refreshed before Microsoft answered")
                .isFalse();

        waitUntil(Duration.ofSeconds(30), "the stored expiry moved", () -> expiresLaterThan(mailboxId, "30 minutes"));
        assertThat(refreshGrants(refreshBefore)).hasSize(1);
        assertThat(tokens.accessToken(mailboxId).block(Duration.ofSeconds(2))).isNotEqualTo(accessBefore);
    }

    private void expiresIn(UUID mailboxId, String interval) {
        db.sql("update mailbox_token set access_expires_at = now() + cast(:interval as interval) "
                        + "where mailbox_id = :id")
                .bind("interval", interval)
                .bind("id", mailboxId)
                .then()
                .block(Duration.ofSeconds(10));
    }

    private boolean expiresLaterThan(UUID mailboxId, String interval) {
        return Boolean.TRUE.equals(db.sql("select access_expires_at > now() + cast(:interval as interval) "
                        + "from mailbox_token where mailbox_id = :id")
                .bind("interval", interval)
                .bind("id", mailboxId)
                .map(row -> row.get(0, Boolean.class))
                .one()
                .block(Duration.ofSeconds(10)));
    }

    private List<Map<String, String>> refreshGrants(String refreshToken) {
        return microsoft.tokenRequests().stream()
                .filter(request -> "refresh_token".equals(request.get("grant_type"))
                        && refreshToken.equals(request.get("refresh_token")))
                .toList();
    }

    private String state(UUID mailboxId) {
        return db.sql("select state from mailbox where id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private String refreshToken(UUID mailboxId) {
        EncryptedValue stored = db.sql("select refresh_key_id, refresh_token from mailbox_token where mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> new EncryptedValue(row.get(0, String.class), row.get(1, byte[].class)))
                .one()
                .block(Duration.ofSeconds(10));
        return cipher.decrypt(stored, "mailbox_token.refresh:" + mailboxId);
    }

    /** Checks the condition every 100 ms until it holds; fails after the timeout. */
    private static void waitUntil(Duration timeout, String what, BooleanSupplier condition) {
        Mono.fromCallable(condition::getAsBoolean)
                .subscribeOn(Schedulers.boundedElastic())
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(100)))
                .timeout(timeout, Mono.error(() -> new AssertionError("Not within " + timeout + ": " + what)))
                .block();
    }

    /** A scheduled task that is stuck from its first run on: the others must run anyway. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StuckTask {

        @Bean
        Stuck stuck() {
            return new Stuck();
        }
    }

    static class Stuck {

        @Scheduled(fixedDelay = 100)
        void hold() throws InterruptedException {
            STUCK.await();
        }
    }
}
