package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.RecordedRequest;
import com.m365console.testsupport.microsoft.graph.SentMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Sending and checking a mailbox connected over Microsoft Graph, through the GraphQL API: sendMail with the message
 * filed in Sent Items and recorded, refusals as typed errors with nothing recorded, throttling and an early-ended
 * token each cured with one message sent, a shared mailbox through {@code /users/{address}}, and Check connection
 * over Graph with its state changes. Peers: the local identity platform with its Graph look-alike.
 */
class GraphSendAndCheckTest extends Microsoft365TestBase {

    Sessions.Browser jane;
    FakeMailbox janes;
    int graphRequestsBefore;

    @BeforeEach
    void configure() throws Exception {
        resetWithRegisteredApp();
        janes = microsoft.graph().mailbox(JANE);
        janes.enableRest();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        graphRequestsBefore = microsoft.graph().requests().size();
    }

    @Test
    void sendsThroughSendMailFilesInSentItemsAndRecordsTheMessage() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        int before = microsoft.graph().sentMail().size();

        var response = send(
                        mailboxId,
                        Map.of(
                                "to", List.of("bob@example.com"),
                                "cc", List.of("carol@example.com"),
                                "bcc", List.of("dave@example.com"),
                                "subject", "Quarterly figures",
                                "html", "<p>Figures <b>attached</b></p>"))
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);
        String messageId = response.path("sendEmail.sentMessage.messageId")
                .entity(String.class)
                .get();
        response.path("sendEmail.sentMessage.recipients")
                .entityList(String.class)
                .containsExactly("bob@example.com", "carol@example.com", "dave@example.com");

        List<SentMail> sent = microsoft.graph().sentMail();
        assertThat(sent).hasSize(before + 1);
        SentMail mail = sent.get(sent.size() - 1);
        assertThat(mail.from()).isEqualTo(JANE);
        assertThat(mail.sentBy()).isEqualTo(JANE);
        assertThat(mail.to()).containsExactly("bob@example.com");
        assertThat(mail.cc()).containsExactly("carol@example.com");
        assertThat(mail.bcc()).containsExactly("dave@example.com");
        assertThat(mail.subject()).isEqualTo("Quarterly figures");
        assertThat(mail.bodyType()).isEqualTo("html");
        assertThat(mail.body()).isEqualTo("<p>Figures <b>attached</b></p>");
        assertThat(mail.internetMessageId()).isEqualTo(messageId).matches("<[^@>]+@contoso\\.com>");
        assertThat(janes.messageIds(janes.folderId("sentitems"))).contains(mail.sentItemId());
        assertThat(sendMailRequests()).extracting(RecordedRequest::path).containsExactly("/v1.0/me/sendMail");

        assertThat(count(
                        "select count(*) from sent_message where mailbox_id = :id and message_id = '"
                                + messageId.replace("'", "") + "' and subject = 'Quarterly figures'",
                        mailboxId))
                .isEqualTo(1);
    }

    @Test
    void aTextMessageGoesAsText() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));

        send(mailboxId, Map.of("to", List.of("bob@example.com"), "subject", "Plain", "text", "Just text"))
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);

        SentMail mail = last(microsoft.graph().sentMail());
        assertThat(mail.bodyType()).isEqualTo("text");
        assertThat(mail.body()).isEqualTo("Just text");
    }

    @Test
    void aRefusedSendIsATypedErrorAndNothingIsRecorded() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        int before = microsoft.graph().sentMail().size();
        microsoft.graph().failNext(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

        send(mailboxId, message("Refused"))
                .path("sendEmail.sentMessage")
                .valueIsNull()
                .path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("MAIL_SERVER_REFUSED")
                .path("sendEmail.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message)
                        .contains("Mail.Send")
                        .contains("ErrorAccessDenied")
                        .contains("request-id"));

        assertThat(microsoft.graph().sentMail()).hasSize(before);
        assertThat(count("select count(*) from sent_message where mailbox_id = :id", mailboxId))
                .isZero();
        assertThat(text("select state from mailbox where id = :id", mailboxId)).isEqualTo("ACCESS_REFUSED");

        send(mailboxId, message("Allowed again"))
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(text("select state from mailbox where id = :id", mailboxId)).isEqualTo("CONNECTED");
        assertThat(count("select count(*) from sent_message where mailbox_id = :id", mailboxId))
                .isEqualTo(1);
    }

    @Test
    void aThrottledSendWaitsAsToldAndSendsOnce() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        int before = microsoft.graph().sentMail().size();
        microsoft.graph().throttleNext(1, Duration.ofSeconds(1));

        send(mailboxId, message("Throttled"))
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(microsoft.graph().sentMail()).hasSize(before + 1);
        assertThat(sendMailRequests()).extracting(RecordedRequest::status).containsExactly(429, 202);
        assertThat(count("select count(*) from sent_message where mailbox_id = :id", mailboxId))
                .isEqualTo(1);
    }

    @Test
    void aTokenEndedEarlyIsRenewedOnceAndTheMessageSentOnce() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        int before = microsoft.graph().sentMail().size();
        int tokenRequests = microsoft.tokenRequests().size();
        microsoft.expireAccessTokens();

        send(mailboxId, message("After renewal"))
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(microsoft.graph().sentMail()).hasSize(before + 1);
        assertThat(sendMailRequests()).extracting(RecordedRequest::status).containsExactly(401, 202);
        assertThat(microsoft.tokenRequests()).hasSize(tokenRequests + 1);
        assertThat(last(microsoft.tokenRequests())).containsEntry("grant_type", "refresh_token");
    }

    @Test
    void aSharedMailboxSendsThroughUsersAddressWithSendAs() {
        var alice = sessions.signIn("alice", TestAccounts.PASSWORD);
        FakeMailbox shared = microsoft.graph().mailbox(SHARED);
        shared.enableRest();
        shared.allowDelegate(ADMIN_MS);
        UUID mailboxId =
                connect(alice, ADMIN_MS, Map.of("kind", "SYSTEM", "sharedAddress", SHARED, "transport", "GRAPH"));

        send(alice, mailboxId, message("No Send As"))
                .path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("MAIL_SERVER_REFUSED")
                .path("sendEmail.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("Send As").contains("ErrorSendAsDenied"));

        shared.allowSendAs(ADMIN_MS);
        send(alice, mailboxId, message("From support"))
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);

        SentMail mail = last(microsoft.graph().sentMail());
        assertThat(mail.from()).isEqualTo(SHARED);
        assertThat(mail.sentBy()).isEqualTo(ADMIN_MS);
        assertThat(shared.messageIds(shared.folderId("sentitems"))).contains(mail.sentItemId());
        assertThat(sendMailRequests())
                .extracting(RecordedRequest::path, RecordedRequest::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/v1.0/users/" + SHARED + "/sendMail", 403),
                        org.assertj.core.groups.Tuple.tuple("/v1.0/users/" + SHARED + "/sendMail", 202));
        assertThat(count("select count(*) from sent_message where mailbox_id = :id", mailboxId))
                .isEqualTo(1);
    }

    @Test
    void checkConnectionReadsTheFolderTreeAndConfirmsSendingWithoutSending() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        janes.addFolder(janes.folderId("inbox"), "Projects");
        int sent = microsoft.graph().sentMail().size();

        var check = check(jane, mailboxId)
                .path("checkMailboxConnection.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.mailbox.imapCheck")
                .entity(String.class)
                .isEqualTo("OK")
                .path("checkMailboxConnection.mailbox.smtpCheck")
                .entity(String.class)
                .isEqualTo("OK")
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED");
        List<String> folders = check.path("checkMailboxConnection.folders[*].fullName")
                .entityList(String.class)
                .get();
        assertThat(folders).startsWith("INBOX").contains("Inbox/Projects", "Sent Items", "Deleted Items");
        assertThat(microsoft.graph().sentMail()).hasSize(sent);
        assertThat(scopesOf(last(microsoft.tokenRequests()))).contains("https://graph.microsoft.com/Mail.Send");
    }

    @Test
    void checkConnectionRefusedMovesToAccessRefusedAndBackWhenGraphServesAgain() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        janes.disableRest();

        check(jane, mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("ACCESS_REFUSED")
                .path("checkMailboxConnection.mailbox.lastError")
                .entity(String.class)
                .satisfies(error -> assertThat(error)
                        .contains("MailboxNotEnabledForRESTAPI")
                        .contains("IMAP and SMTP"))
                .path("checkMailboxConnection.mailbox.imapCheck")
                .entity(String.class)
                .satisfies(error -> assertThat(error).contains("MailboxNotEnabledForRESTAPI"));

        janes.enableRest();
        check(jane, mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED")
                .path("checkMailboxConnection.mailbox.lastError")
                .valueIsNull();

        microsoft.graph().failNext(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        check(jane, mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("ACCESS_REFUSED")
                .path("checkMailboxConnection.mailbox.lastError")
                .entity(String.class)
                .satisfies(error -> assertThat(error).contains("Mail.ReadWrite").contains("ErrorAccessDenied"));
    }

    @Test
    void foldersAreChosenFromGraphsTreeByTheNamesCheckConnectionShows() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        String sub = "Choice " + UUID.randomUUID().toString().substring(0, 8);
        janes.addFolder(janes.folderId("inbox"), sub);
        List<String> shown = check(jane, mailboxId)
                .path("checkMailboxConnection.folders[*].fullName")
                .entityList(String.class)
                .get();
        assertThat(shown).contains("INBOX", "Inbox/" + sub);

        select(mailboxId, List.of("Nowhere", "INBOX"))
                .path("selectMailboxFolders.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_FOLDER")
                .path("selectMailboxFolders.errors[0].message")
                .entity(String.class)
                .isEqualTo("The mail server has no folder \"Nowhere\": pick folders from the list Check connection "
                        + "shows.");
        select(mailboxId, List.of("inbox", "Inbox/" + sub, "Sent Items"))
                .path("selectMailboxFolders.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("selectMailboxFolders.mailbox.selectedFolders")
                .entityList(String.class)
                .containsExactly("INBOX", "Inbox/" + sub, "Sent Items");
        select(mailboxId, List.of("Nowhere"))
                .path("selectMailboxFolders.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_FOLDER")
                .path("selectMailboxFolders.mailbox")
                .valueIsNull();
        // A refused choice changes nothing
        jane.graphQl()
                .document("{ myMailboxes { selectedFolders } }")
                .execute()
                .path("myMailboxes[0].selectedFolders")
                .entityList(String.class)
                .containsExactly("INBOX", "Inbox/" + sub, "Sent Items");
    }

    private GraphQlTester.Response select(UUID mailboxId, List<String> folders) {
        return jane.graphQl()
                .documentName("selectMailboxFolders")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "folders", folders))
                .execute();
    }

    private GraphQlTester.Response send(UUID mailboxId, Map<String, Object> fields) {
        return send(jane, mailboxId, fields);
    }

    private GraphQlTester.Response send(Sessions.Browser browser, UUID mailboxId, Map<String, Object> fields) {
        Map<String, Object> input = new java.util.HashMap<>(fields);
        input.put("mailboxId", mailboxId.toString());
        return browser.graphQl()
                .documentName("sendEmail")
                .variable("input", input)
                .execute();
    }

    private GraphQlTester.Response check(Sessions.Browser browser, UUID mailboxId) {
        return browser.graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
    }

    private static Map<String, Object> message(String subject) {
        return Map.of("to", List.of("bob@example.com"), "subject", subject, "text", "Hello");
    }

    /** The sendMail requests Graph answered during this test, in order. */
    private List<RecordedRequest> sendMailRequests() {
        List<RecordedRequest> all = microsoft.graph().requests();
        return all.subList(graphRequestsBefore, all.size()).stream()
                .filter(request -> request.path().endsWith("/sendMail"))
                .toList();
    }

    private static List<String> scopesOf(Map<String, String> request) {
        return List.of(request.get("scope").trim().split("\\s+"));
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private long count(String sql, UUID id) {
        return db.sql(sql)
                .bind("id", id)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private String text(String sql, UUID id) {
        return db.sql(sql)
                .bind("id", id)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
