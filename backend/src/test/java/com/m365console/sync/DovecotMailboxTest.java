package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.mailbox.MailboxTokens;
import com.m365console.support.DovecotTestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.dovecot.DovecotServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A mailbox against a real IMAP/SMTP server: connected through the identity platform, checked, synchronised and
 * sent from over XOAUTH2 against Dovecot, which then refuses the access token once the platform revokes the grant.
 */
class DovecotMailboxTest extends DovecotTestBase {

    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final String IMAP_REFUSED = "a NO [AUTHENTICATIONFAILED] Authentication failed.";
    private static final String SMTP_REFUSED = "535 5.7.8 Authentication failed.";

    @Autowired
    MailboxTokens tokens;

    Sessions.Browser jane;
    UUID mailboxId;

    @BeforeEach
    void connectJanesMailbox() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE);
    }

    @Test
    void checkSyncAndSendAgainstDovecotThenARevokedTokenIsRefused() throws Exception {
        var check = jane.graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
        check.path("checkMailboxConnection.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.folders[*].fullName")
                .entityList(String.class)
                .satisfies(
                        folders -> assertThat(folders).contains("INBOX", "Sent Items", "Deleted Items", "Junk Email"));
        dovecot.awaitLog(DovecotServer.loginOf("imap", JANE), 1, LOG_WAIT);
        dovecot.awaitLog(DovecotServer.loginOf("submission", JANE), 1, LOG_WAIT);

        jane.graphQl()
                .documentName("sendEmail")
                .variable(
                        "input",
                        Map.of(
                                "mailboxId",
                                mailboxId.toString(),
                                "to",
                                List.of("bob@example.com"),
                                "subject",
                                "Through Dovecot",
                                "text",
                                "Hello."))
                .execute()
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(dovecot.awaitSent(1, Duration.ofSeconds(10))).isTrue();
        assertThat(dovecot.sentMessages()[0].getSubject()).isEqualTo("Through Dovecot");

        List<String> subjects =
                List.of("First " + UUID.randomUUID(), "Second " + UUID.randomUUID(), "Third " + UUID.randomUUID());
        subjects.forEach(subject -> dovecot.deliver(JANE, "INBOX", message(subject)));
        dovecot.deliver(JANE, "Junk Email", message("Not a selected folder"));

        syncNow()
                .path("syncMailbox.status.state")
                .entity(String.class)
                .isEqualTo("SUCCEEDED")
                .path("syncMailbox.status.newMessages")
                .entity(Integer.class)
                .isEqualTo(3);
        assertThat(storedSubjects()).containsExactlyInAnyOrderElementsOf(subjects);

        String accessToken = tokens.accessToken(mailboxId).block(Duration.ofSeconds(10));
        assertThat(dovecot.imapLogin(JANE, accessToken)).startsWith("a OK");
        long refusalsBefore = refusals();
        microsoft.revokeGrants(JANE);
        dovecot.deliver(JANE, "INBOX", message("After the revocation"));

        var afterRevocation = syncNow();

        afterRevocation
                .path("syncMailbox.status.state")
                .entity(String.class)
                .satisfies(state -> assertThat(state)
                        .as("the run saw the refusal; issue 10 point 1 decides what " + "comes next")
                        .isIn("FAILED", "NEEDS_REAUTH"));
        afterRevocation
                .path("syncMailbox.status.reason")
                .entity(String.class)
                .satisfies(reason -> assertThat(reason).isNotBlank());
        assertThat(storedSubjects()).containsExactlyInAnyOrderElementsOf(subjects);
        dovecot.awaitLog(DovecotServer.refusedLoginOf(JANE), refusalsBefore + 1, LOG_WAIT);
        assertThat(dovecot.log()).contains("oauth2(" + JANE + ",").contains("Introspection failed");
        assertThat(dovecot.imapLogin(JANE, accessToken))
                .as("the old access token, presented as the app does")
                .isEqualTo(IMAP_REFUSED);
        assertThat(dovecot.submissionLogin(JANE, accessToken)).isEqualTo(SMTP_REFUSED);
    }

    @Test
    void anAccessTokenEndedEarlyIsRefusedByDovecot() {
        String accessToken = tokens.accessToken(mailboxId).block(Duration.ofSeconds(10));
        assertThat(dovecot.imapLogin(JANE, accessToken)).startsWith("a OK");
        assertThat(dovecot.submissionLogin(JANE, accessToken)).startsWith("235 ");

        microsoft.expireAccessTokens();

        assertThat(dovecot.imapLogin(JANE, accessToken)).isEqualTo(IMAP_REFUSED);
        assertThat(dovecot.submissionLogin(JANE, accessToken)).isEqualTo(SMTP_REFUSED);
        assertThat(dovecot.imapLogin(JANE, "not-a-token-the-platform-issued")).isEqualTo(IMAP_REFUSED);
        assertThat(dovecot.imapLogin(
                        "someone.else@contoso.com",
                        tokens.accessToken(mailboxId).block(Duration.ofSeconds(10))))
                .as("a token is good only for the account it was issued to")
                .startsWith("a NO");
    }

    private GraphQlTester.Response syncNow() {
        return jane.graphQl()
                .documentName("syncMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
    }

    private long refusals() {
        return dovecot.countLog(DovecotServer.refusedLoginOf(JANE));
    }

    private List<String> storedSubjects() {
        return db.sql("select m.subject from mail_message m join mail_folder f on f.id = m.folder_id "
                        + "where f.mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private static MimeMessage message(String subject) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("sender@example.com", "A Sender"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(JANE));
            message.setSubject(subject);
            message.setSentDate(new java.util.Date());
            message.setText("Body of " + subject);
            return message;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
