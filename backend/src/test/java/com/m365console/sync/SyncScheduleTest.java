package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Scheduled synchronisation per the Email Synchronization Settings, with backoff after failures. */
class SyncScheduleTest extends Microsoft365TestBase {

    @Autowired
    SyncScheduler scheduler;

    Sessions.Browser jane;
    UUID mailboxId;
    HttpGraphQlTester admin;

    @BeforeEach
    void connectJanesMailbox() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of());
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void dueMailboxesAreSynchronisedAndThenWaitForTheInterval() throws Exception {
        deliver(2);

        scheduler.synchroniseDueMailboxes().block(Duration.ofSeconds(60));

        assertThat(storedCount()).isEqualTo(2);
        assertThat(minutesUntilNextAttempt()).isBetween(4.0, 5.1);
        jane.graphQl()
                .document("{ myMailboxes { lastSync { state newMessages } } }")
                .execute()
                .path("myMailboxes[0].lastSync.state")
                .entity(String.class)
                .isEqualTo("SUCCEEDED")
                .path("myMailboxes[0].lastSync.newMessages")
                .entity(Integer.class)
                .isEqualTo(2);

        deliver(1);
        scheduler.synchroniseDueMailboxes().block(Duration.ofSeconds(60));
        assertThat(storedCount()).as("not due yet").isEqualTo(2);
    }

    @Test
    void aFailedRunIsRetriedWithinSecondsAndBacksOff() throws Exception {
        imapLink.cutNextConnectionAfter(0);
        scheduler.synchroniseDueMailboxes().block(Duration.ofSeconds(60));
        assertThat(minutesUntilNextAttempt() * 60).as("first retry, seconds").isBetween(4.0, 5.1);

        db.sql("update mailbox_sync set next_attempt_at = now() where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        imapLink.cutNextConnectionAfter(0);
        scheduler.synchroniseDueMailboxes().block(Duration.ofSeconds(60));
        assertThat(minutesUntilNextAttempt() * 60).as("second retry, seconds").isBetween(9.0, 10.1);
        jane.graphQl()
                .document("{ myMailboxes { lastSync { state reason } } }")
                .execute()
                .path("myMailboxes[0].lastSync.state")
                .entity(String.class)
                .isEqualTo("FAILED");

        db.sql("update mailbox_sync set next_attempt_at = now() where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        scheduler.synchroniseDueMailboxes().block(Duration.ofSeconds(60));
        jane.graphQl()
                .document("{ myMailboxes { lastSync { state } lastFailure { state reason at } } }")
                .execute()
                .path("myMailboxes[0].lastSync.state")
                .entity(String.class)
                .isEqualTo("SUCCEEDED")
                .path("myMailboxes[0].lastFailure.state")
                .entity(String.class)
                .isEqualTo("FAILED")
                .path("myMailboxes[0].lastFailure.reason")
                .entity(String.class)
                .satisfies(reason -> assertThat(reason).isNotBlank());
        assertThat(minutesUntilNextAttempt()).as("a success resets the backoff").isBetween(4.0, 5.1);
    }

    @Test
    void nothingRunsWhileTheScheduleIsDisabled() throws Exception {
        admin.document("mutation { updateEmailSyncSettings(input: {enabled: false}) { errors { field } } }")
                .execute()
                .path("updateEmailSyncSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
        deliver(1);

        scheduler.synchroniseDueMailboxes().block(Duration.ofSeconds(60));

        assertThat(storedCount()).isZero();
    }

    @Test
    void settingsAreValidatedAndForAdminsOnly() {
        admin.document("mutation { updateEmailSyncSettings(input: {intervalMinutes: 0, maxConcurrent: 99}) { "
                        + "settings { intervalMinutes maxConcurrent } errors { field code } } }")
                .execute()
                .path("updateEmailSyncSettings.errors[*].field")
                .entityList(String.class)
                .containsExactly("intervalMinutes", "maxConcurrent")
                .path("updateEmailSyncSettings.settings.intervalMinutes")
                .entity(Integer.class)
                .isEqualTo(5);
        admin.document("mutation { updateEmailSyncSettings(input: {intervalMinutes: 15}) { settings { enabled "
                        + "intervalMinutes maxConcurrent } errors { field } } }")
                .execute()
                .path("updateEmailSyncSettings.settings.intervalMinutes")
                .entity(Integer.class)
                .isEqualTo(15);
        jane.graphQl()
                .document("{ emailSyncSettings { enabled } }")
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())));
    }

    private double minutesUntilNextAttempt() {
        return db.sql(
                        "select extract(epoch from next_attempt_at - now()) / 60 from mailbox_sync where mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> ((Number) row.get(0)).doubleValue())
                .one()
                .block();
    }

    private long storedCount() {
        return db.sql("select count(*) from mail_message m join mail_folder f on f.id = m.folder_id "
                        + "where f.mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private void deliver(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
            message.setFrom(new InternetAddress("sender@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(JANE));
            message.setSubject("Scheduled " + UUID.randomUUID());
            message.setText("Body");
            mailServer.getUserManager().getUser(JANE).deliver(message);
        }
    }
}
