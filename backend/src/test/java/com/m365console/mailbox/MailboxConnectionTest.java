package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.MicrosoftSignInBrowser;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;

/**
 * A user connects a Microsoft 365 mailbox through the real callback, checks IMAP and SMTP over XOAUTH2,
 * sends mail, and the tokens live on: refresh with rotation, revocation to NEEDS_REAUTH, reconnection.
 * Peers: the local Microsoft identity platform and GreenMail, which accepts exactly the tokens Microsoft issued.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailboxConnectionTest extends Microsoft365TestBase {

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

    @Test
    void connectCheckSendRefreshRevokeReconnect(CapturedOutput output) throws Exception {
        UUID mailboxId = connect(jane, JANE, Map.of());
        assertThat(state(mailboxId)).isEqualTo("CONNECTED");

        var check = check(jane.graphQl(), mailboxId);
        check.path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.folders[0].fullName")
                .entity(String.class)
                .isEqualTo("INBOX");

        send(jane.graphQl(), mailboxId, "First message")
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = mailServer.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("First message");
        assertThat(received.getFrom()[0].toString()).contains(JANE);

        String refreshBefore = refreshToken(mailboxId);
        expireAccessToken(mailboxId);
        check(jane.graphQl(), mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(lastTokenRequest()).containsEntry("grant_type", "refresh_token");
        String refreshAfter = refreshToken(mailboxId);
        assertThat(refreshAfter).isNotEqualTo(refreshBefore);
        assertThat(microsoft.tokenRequests().stream().filter(r -> refreshBefore.equals(r.get("refresh_token"))))
                .hasSize(1);
        assertThat(redeemAtMicrosoft(refreshBefore))
                .as("the rotated-out refresh token")
                .contains("invalid_grant");

        microsoft.revokeGrants(JANE);
        expireAccessToken(mailboxId);
        check(jane.graphQl(), mailboxId)
                .path("checkMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH");
        assertThat(state(mailboxId)).isEqualTo("NEEDS_REAUTH");
        jane.graphQl()
                .documentName("myMailboxes")
                .execute()
                .path("myMailboxes[0].lastError")
                .entity(String.class)
                .satisfies(error -> assertThat(error).contains("reconnect"));
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .documentName("allMailboxes")
                .execute()
                .path("allMailboxes[0].state")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH");

        assertThat(connect(jane, JANE, Map.of("mailboxId", mailboxId.toString())))
                .isEqualTo(mailboxId);
        assertThat(state(mailboxId)).isEqualTo("CONNECTED");
        send(jane.graphQl(), mailboxId, "After reconnect")
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(mailServer.waitForIncomingEmail(10_000, 2)).isTrue();

        assertThat(output.getAll())
                .doesNotContain(SECRET)
                .doesNotContain(refreshBefore)
                .doesNotContain(refreshAfter);
        microsoft
                .validAccessTokens()
                .forEach(token -> assertThat(output.getAll()).doesNotContain(token));
    }

    @Test
    void concurrentUsesOfAnExpiredTokenRefreshOnceAndKeepTheRotatedToken() {
        UUID mailboxId = connect(jane, JANE, Map.of());
        expireAccessToken(mailboxId);
        long refreshesBefore = refreshRequests();

        List<String> accessTokens = Flux.range(0, 6)
                .flatMap(i -> tokens.accessToken(mailboxId))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(accessTokens).hasSize(6).containsOnly(accessTokens.get(0));
        assertThat(refreshRequests() - refreshesBefore).isEqualTo(1);
        expireAccessToken(mailboxId);
        assertThat(tokens.accessToken(mailboxId).block(Duration.ofSeconds(10))).isNotEqualTo(accessTokens.get(0));
    }

    @Test
    void tokensAboutToExpireAreRenewedAheadOfUse() {
        UUID mailboxId = connect(jane, JANE, Map.of());
        String before = tokens.accessToken(mailboxId).block(Duration.ofSeconds(10));
        db.sql("update mailbox_token set access_expires_at = now() + interval '2 minutes' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();

        tokens.refreshExpiringTokens().block(Duration.ofSeconds(30));

        assertThat(db.sql("select access_expires_at > now() + interval '30 minutes' from mailbox_token "
                                + "where mailbox_id = :id")
                        .bind("id", mailboxId)
                        .map(row -> row.get(0, Boolean.class))
                        .one()
                        .block())
                .isTrue();
        assertThat(tokens.accessToken(mailboxId).block(Duration.ofSeconds(10))).isNotEqualTo(before);
    }

    @Test
    void anOutageOfTheTokenEndpointIsRetriedAndTheMailboxStaysConnected() {
        UUID mailboxId = connect(jane, JANE, Map.of());
        expireAccessToken(mailboxId);
        microsoft.failNextToken(500, "temporarily_unavailable", 90033, "A transient error has occurred.");
        microsoft.failNextToken(500, "temporarily_unavailable", 90033, "A transient error has occurred.");

        check(jane.graphQl(), mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(state(mailboxId)).isEqualTo("CONNECTED");
    }

    @Test
    void anotherUserCanNeitherSeeNorUseTheMailbox() {
        UUID mailboxId = connect(jane, JANE, Map.of());
        HttpGraphQlTester bob = sessions.graphQl("bob", TestAccounts.PASSWORD);

        bob.document("{ mailbox(id: \"" + mailboxId + "\") { address } }")
                .execute()
                .path("mailbox")
                .valueIsNull();
        bob.documentName("myMailboxes")
                .execute()
                .path("myMailboxes")
                .entityList(Object.class)
                .hasSize(0);
        check(bob, mailboxId)
                .path("checkMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        send(bob, mailboxId, "Not mine")
                .path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        bob.documentName("disconnectMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("disconnectMailbox.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        bob.documentName("allMailboxes")
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())));
        assertThat(state(mailboxId)).isEqualTo("CONNECTED");
    }

    @Test
    void disconnectDeletesTheTokensAndKeepsTheMailUnlessAsked() {
        UUID mailboxId = connect(jane, JANE, Map.of());
        send(jane.graphQl(), mailboxId, "Kept")
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);

        jane.graphQl()
                .documentName("disconnectMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("disconnectMailbox.mailbox.state")
                .entity(String.class)
                .isEqualTo("DISCONNECTED");

        assertThat(count("select count(*) from mailbox_token where mailbox_id = :id", mailboxId))
                .isZero();
        assertThat(count("select count(*) from sent_message where mailbox_id = :id", mailboxId))
                .isEqualTo(1);
        send(jane.graphQl(), mailboxId, "Not sent")
                .path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("NEEDS_REAUTH");

        jane.graphQl()
                .documentName("disconnectMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "deleteMail", true))
                .execute();
        assertThat(count("select count(*) from sent_message where mailbox_id = :id", mailboxId))
                .isZero();
    }

    @Test
    void connectingNeedsEmailsSyncEnabledByAnAdmin() {
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .documentName("updateMicrosoftSettings")
                .variable("input", Map.of("emailSyncEnabled", Map.of("value", false)))
                .execute();

        jane.graphQl()
                .documentName("startMailboxConnection")
                .variable("input", Map.of())
                .execute()
                .path("startMailboxConnection.authorizationUrl")
                .valueIsNull()
                .path("startMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("PRECONDITION_FAILED");
    }

    @Test
    void foldersArePickedAndKept() {
        UUID mailboxId = connect(jane, JANE, Map.of());

        jane.graphQl()
                .documentName("selectMailboxFolders")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "folders", List.of("INBOX")))
                .execute()
                .path("selectMailboxFolders.mailbox.selectedFolders")
                .entityList(String.class)
                .containsExactly("INBOX");
        check(jane.graphQl(), mailboxId)
                .path("checkMailboxConnection.folders[0].selected")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void badMessagesAreRefusedBeforeAnythingIsSent() {
        UUID mailboxId = connect(jane, JANE, Map.of());

        jane.graphQl()
                .documentName("sendEmail")
                .variable(
                        "input",
                        Map.of(
                                "mailboxId",
                                mailboxId.toString(),
                                "to",
                                List.of("not-an-address"),
                                "subject",
                                " ",
                                "text",
                                ""))
                .execute()
                .path("sendEmail.errors[*].field")
                .entityList(String.class)
                .containsExactly("to", "subject", "text");
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void anAdminConnectsASharedMailboxThroughTheirOwnAccount() {
        var alice = sessions.signIn("alice", TestAccounts.PASSWORD);
        jane.graphQl()
                .documentName("startMailboxConnection")
                .variable("input", Map.of("kind", "SYSTEM", "sharedAddress", SHARED))
                .execute()
                .path("startMailboxConnection.errors[0].field")
                .entity(String.class)
                .isEqualTo("kind");

        UUID mailboxId = connect(alice, ADMIN_MS, Map.of("kind", "SYSTEM", "sharedAddress", SHARED));

        alice.graphQl()
                .documentName("systemMailboxes")
                .execute()
                .path("systemMailboxes[0].address")
                .entity(String.class)
                .isEqualTo(SHARED)
                .path("systemMailboxes[0].owner")
                .valueIsNull();
        check(alice.graphQl(), mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true);
        jane.graphQl()
                .document("{ mailbox(id: \"" + mailboxId + "\") { address } }")
                .execute()
                .path("mailbox")
                .valueIsNull();
    }

    @Test
    void aDeclinedConsentIsExplainedAndNothingIsStored() {
        URI authorize = startConnection(jane, Map.of());
        var microsoftPage = new MicrosoftSignInBrowser(sessions);
        URI back = microsoftPage.consent(authorize, JANE, false);

        jane.client()
                .get()
                .uri(back)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/mailboxes?connection=done");

        jane.graphQl()
                .document("{ lastMailboxConnection { mailbox { id } error { aadsts message } } }")
                .execute()
                .path("lastMailboxConnection.error.aadsts")
                .entity(String.class)
                .isEqualTo("AADSTS65004")
                .path("lastMailboxConnection.mailbox")
                .valueIsNull();
        assertThat(count("select count(*) from mailbox where owner_id is not null", null))
                .isZero();
    }

    private GraphQlTester.Response check(HttpGraphQlTester tester, UUID mailboxId) {
        return tester.documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
    }

    private GraphQlTester.Response send(HttpGraphQlTester tester, UUID mailboxId, String subject) {
        return tester.documentName("sendEmail")
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

    private String state(UUID mailboxId) {
        return db.sql("select state from mailbox where id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private void expireAccessToken(UUID mailboxId) {
        db.sql("update mailbox_token set access_expires_at = now() - interval '1 minute' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
    }

    private String refreshToken(UUID mailboxId) {
        return db.sql("select refresh_token, refresh_key_id from mailbox_token where mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> cipher.decrypt(
                        new EncryptedValue(
                                row.get("refresh_key_id", String.class), row.get("refresh_token", byte[].class)),
                        "mailbox_token.refresh:" + mailboxId))
                .one()
                .block();
    }

    /** Presents a refresh token to Microsoft directly, as an attacker holding an old copy would. */
    private String redeemAtMicrosoft(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + clientId + "&client_secret="
                + java.net.URLEncoder.encode(SECRET, java.nio.charset.StandardCharsets.UTF_8) + "&refresh_token="
                + java.net.URLEncoder.encode(refreshToken, java.nio.charset.StandardCharsets.UTF_8);
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        URI.create(microsoft.authority() + "/" + TENANT + "/oauth2/v2.0/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private Map<String, String> lastTokenRequest() {
        return microsoft.tokenRequests().get(microsoft.tokenRequests().size() - 1);
    }

    private long refreshRequests() {
        return microsoft.tokenRequests().stream()
                .filter(r -> "refresh_token".equals(r.get("grant_type")))
                .count();
    }

    private long count(String sql, UUID id) {
        var spec = db.sql(sql);
        return (id == null ? spec : spec.bind("id", id))
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
