package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.MicrosoftSignInBrowser;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.RecordedRequest;
import com.m365console.testsupport.microsoft.graph.SentMail;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * A consent that left out Mail.Send reads, but its token cannot be renewed: every renewal asks for the transport's
     * scopes, and Microsoft refuses one beyond the consent (AADSTS65001) rather than answering fewer. So Check
     * connection, which renews to learn whether sending is granted, asks for the mailbox to be connected again.
     */
    @Test
    void aConsentWithoutMailSendReadsButCheckConnectionAsksToConnectAgainWithConsent() {
        UUID mailboxId = connectWithout(jane, JANE, "https://graph.microsoft.com/Mail.Send");
        assertThat(last(microsoft.tokenRequests())).containsEntry("grant_type", "authorization_code");
        int sent = microsoft.graph().sentMail().size();

        check(jane, mailboxId)
                .path("checkMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH")
                .path("checkMailboxConnection.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("consent"))
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH");

        assertThat(last(microsoft.tokenRequests()))
                .containsEntry("grant_type", "refresh_token")
                .hasEntrySatisfying("scope", scope -> assertThat(scope).contains("/Mail.Send"));
        assertThat(graphRequests())
                .as("the folder tree was read with the token the consent gave")
                .extracting(RecordedRequest::path, RecordedRequest::status)
                .contains(org.assertj.core.groups.Tuple.tuple("/v1.0/me/mailFolders", 200));
        assertThat(microsoft.graph().sentMail()).as("the check sends nothing").hasSize(sent);
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

    /**
     * Connects over Graph with a consent that leaves out one scope, as when the user's consent (or the admin's for the
     * tenant) covered only some of the permissions the console asks for.
     */
    private UUID connectWithout(Sessions.Browser browser, String account, String scope) {
        URI authorize = startConnection(browser, Map.of("transport", "GRAPH"));
        String query = java.util.Arrays.stream(authorize.getRawQuery().split("&"))
                .map(pair -> pair.startsWith("scope=") ? "scope=" + without(pair.substring(6), scope) : pair)
                .collect(java.util.stream.Collectors.joining("&"));
        assertThat(query).as("the scope was asked for").isNotEqualTo(authorize.getRawQuery());
        URI narrowed = URI.create(authorize.toString().replace(authorize.getRawQuery(), query));
        URI back = new MicrosoftSignInBrowser(sessions).consent(narrowed, account, true);
        browser.client().get().uri(back).exchange().expectStatus().isFound();
        return UUID.fromString(browser.graphQl()
                .document("{ lastMailboxConnection { mailbox { id } error { error message } } }")
                .execute()
                .path("lastMailboxConnection.error")
                .valueIsNull()
                .path("lastMailboxConnection.mailbox.id")
                .entity(String.class)
                .get());
    }

    /** An encoded {@code scope} parameter's value without one of its scopes. */
    private static String without(String encodedScopes, String scope) {
        String kept = java.util.Arrays.stream(
                        URLDecoder.decode(encodedScopes, StandardCharsets.UTF_8).split(" "))
                .filter(asked -> !asked.equals(scope))
                .collect(java.util.stream.Collectors.joining(" "));
        return URLEncoder.encode(kept, StandardCharsets.UTF_8);
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

    /** The Graph requests answered during this test, in order. */
    private List<RecordedRequest> graphRequests() {
        List<RecordedRequest> all = microsoft.graph().requests();
        return all.subList(graphRequestsBefore, all.size());
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
