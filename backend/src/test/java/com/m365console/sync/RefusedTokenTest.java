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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Refuse, refresh, retry: a token the mail server refuses before its stored expiry is renewed once and the sync, check
 * or send retried; a renewal Microsoft refuses means reconnecting; a renewed token refused too means mail access is
 * refused, shown with its advice until a login works again. Peers: the local identity platform and GreenMail.
 */
class RefusedTokenTest extends Microsoft365TestBase {

    private static final String REAUTH =
            "The grant has expired or was revoked: reconnect the mailbox or sign in again.";

    @Autowired
    MailboxSynchronizer synchronizer;

    Sessions.Browser jane;
    UUID mailboxId;

    @BeforeEach
    void connectJanesMailbox() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of());
    }

    @Test
    void aSyncWithATokenEndedEarlyRenewsItOnceAndSucceeds() throws Exception {
        deliver(2);
        endAccessTokenEarly(JANE);
        long before = refreshes();

        SyncStatus status = sync();

        assertThat(status.state()).isEqualTo(SyncState.SUCCEEDED);
        assertThat(status.newMessages()).isEqualTo(2);
        assertThat(refreshes() - before).isEqualTo(1);
        assertThat(state()).isEqualTo("CONNECTED");
    }

    @Test
    void aCheckWithATokenEndedEarlyRenewsItOnceForBothProtocols() {
        endAccessTokenEarly(JANE);
        long before = refreshes();

        check().path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED");

        assertThat(refreshes() - before)
                .as("IMAP and SMTP were refused at once; one renewal served both")
                .isEqualTo(1);
    }

    @Test
    void aSendWithATokenEndedEarlyRenewsItOnceAndSendsOnce() throws Exception {
        endAccessTokenEarly(JANE);
        long before = refreshes();

        send("Retried")
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("sendEmail.sentMessage.subject")
                .entity(String.class)
                .isEqualTo("Retried");

        assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(refreshes() - before).isEqualTo(1);
    }

    @Test
    void aRefusedTokenWhoseRenewalMicrosoftRefusesNeedsReconnecting() {
        endAccessTokenEarly(JANE);
        microsoft.revokeGrants(JANE);

        SyncStatus status = sync();

        assertThat(status.state()).isEqualTo(SyncState.NEEDS_REAUTH);
        assertThat(status.reason()).isEqualTo(REAUTH);
        assertThat(state()).isEqualTo("NEEDS_REAUTH");
        jane.graphQl()
                .documentName("myMailboxes")
                .execute()
                .path("myMailboxes[0].lastError")
                .entity(String.class)
                .isEqualTo(REAUTH);
        check().path("checkMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH");
        send("Not sent").path("sendEmail.errors[0].code").entity(String.class).isEqualTo("NEEDS_REAUTH");
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCheckWhoseRenewalMicrosoftRefusesNeedsReconnecting() {
        endAccessTokenEarly(JANE);
        microsoft.revokeGrants(JANE);
        long before = refreshes();

        check().path("checkMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH")
                .path("checkMailboxConnection.errors[0].message")
                .entity(String.class)
                .isEqualTo(REAUTH);
        assertThat(state()).isEqualTo("NEEDS_REAUTH");
        assertThat(refreshes() - before)
                .as("IMAP and SMTP were refused at once; Microsoft was asked once")
                .isEqualTo(1);
    }

    @Test
    void aSendWhoseRenewalMicrosoftRefusesNeedsReconnecting() {
        endAccessTokenEarly(JANE);
        microsoft.revokeGrants(JANE);

        send("Not sent")
                .path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH")
                .path("sendEmail.errors[0].message")
                .entity(String.class)
                .isEqualTo(REAUTH);
        assertThat(state()).isEqualTo("NEEDS_REAUTH");
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSyncRefusedAfterRenewalShowsMailAccessRefusedUntilACheckWorks() throws Exception {
        deliver(1);
        refuseMailAccess(JANE);
        long before = refreshes();

        SyncStatus status = sync();

        assertThat(status.state()).isEqualTo(SyncState.ACCESS_REFUSED);
        assertThat(status.reason())
                .startsWith("Mail access refused")
                .contains("Manage email apps: IMAP")
                .contains("IMAP.AccessAsUser.All")
                .doesNotContain("shared mailbox");
        assertThat(refreshes() - before).isEqualTo(1);
        assertThat(state()).isEqualTo("ACCESS_REFUSED");
        jane.graphQl()
                .documentName("myMailboxes")
                .execute()
                .path("myMailboxes[0].state")
                .entity(String.class)
                .isEqualTo("ACCESS_REFUSED")
                .path("myMailboxes[0].lastError")
                .entity(String.class)
                .isEqualTo(status.reason());
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .documentName("allMailboxes")
                .execute()
                .path("allMailboxes[0].state")
                .entity(String.class)
                .isEqualTo("ACCESS_REFUSED")
                .path("allMailboxes[0].lastError")
                .entity(String.class)
                .isEqualTo(status.reason());

        allowMailAccess(JANE);
        check().path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED")
                .path("checkMailboxConnection.mailbox.lastError")
                .valueIsNull();
        assertThat(sync().newMessages()).isEqualTo(1);
    }

    @Test
    void aCheckRefusedAfterRenewalShowsMailAccessRefusedAndLaterLoginsClearIt() throws Exception {
        refuseMailAccess(JANE);
        long before = refreshes();

        check().path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("ACCESS_REFUSED")
                .path("checkMailboxConnection.mailbox.imapCheck")
                .entity(String.class)
                .satisfies(answer -> assertThat(answer).startsWith("Mail access refused"));
        assertThat(refreshes() - before).isEqualTo(1);

        allowMailAccess(JANE);
        deliver(1);
        assertThat(sync().newMessages()).isEqualTo(1);
        assertThat(state()).as("the run cured IMAP's refusal only").isEqualTo("ACCESS_REFUSED");
        send("Sent again").path("sendEmail.errors").entityList(Object.class).hasSize(0);
        assertThat(state())
                .as("an IMAP run and an SMTP send logged in: nothing is refused")
                .isEqualTo("CONNECTED");
        assertThat(db.sql("select last_error from mailbox where id = :id")
                        .bind("id", mailboxId)
                        .map(row -> java.util.Optional.ofNullable(row.get(0, String.class)))
                        .one()
                        .block())
                .isEmpty();
    }

    @Test
    void aSendRefusedAfterRenewalSaysSoAndOnlyAnSmtpLoginClearsIt() throws Exception {
        refuseMailAccess(JANE);

        send("Refused")
                .path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("MAIL_SERVER_REFUSED")
                .path("sendEmail.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message)
                        .startsWith("Mail access refused")
                        .contains("Authenticated SMTP")
                        .contains("SMTP.Send"));
        assertThat(state()).isEqualTo("ACCESS_REFUSED");
        assertThat(mailServer.getReceivedMessages()).isEmpty();

        allowMailAccess(JANE);
        assertThat(sync().state()).isEqualTo(SyncState.SUCCEEDED);
        assertThat(state()).as("an IMAP login says nothing about SMTP").isEqualTo("ACCESS_REFUSED");
        check().path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED");
    }

    @Test
    void aSharedMailboxRefusedAfterRenewalNamesTheDelegatesRights() {
        var alice = sessions.signIn("alice", TestAccounts.PASSWORD);
        UUID shared = connect(alice, ADMIN_MS, Map.of("kind", "SYSTEM", "sharedAddress", SHARED));
        refuseMailAccess(SHARED);

        alice.graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", shared.toString()))
                .execute()
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("ACCESS_REFUSED")
                .path("checkMailboxConnection.mailbox.imapCheck")
                .entity(String.class)
                .satisfies(advice -> assertThat(advice)
                        .contains("Full Access permission on this shared mailbox")
                        .contains(SHARED))
                .path("checkMailboxConnection.mailbox.smtpCheck")
                .entity(String.class)
                .satisfies(advice -> assertThat(advice).contains("Send As permission on this shared mailbox"));
    }

    private SyncStatus sync() {
        return synchronizer.sync(mailboxId).block(Duration.ofSeconds(60)).status(mailboxId);
    }

    private GraphQlTester.Response check() {
        return jane.graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
    }

    private GraphQlTester.Response send(String subject) {
        return jane.graphQl()
                .documentName("sendEmail")
                .variable(
                        "input",
                        Map.of(
                                "mailboxId",
                                mailboxId.toString(),
                                "to",
                                List.of("bob@example.com"),
                                "subject",
                                subject,
                                "text",
                                "Hello from the test."))
                .execute();
    }

    private String state() {
        return db.sql("select state from mailbox where id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static long refreshes() {
        return microsoft.tokenRequests().stream()
                .filter(r -> "refresh_token".equals(r.get("grant_type")))
                .count();
    }

    private void deliver(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
            message.setFrom(new InternetAddress("sender" + i + "@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(JANE));
            message.setSubject("Message " + UUID.randomUUID());
            message.setText("Body " + i);
            mailServer.getUserManager().getUser(JANE).deliver(message);
        }
    }
}
