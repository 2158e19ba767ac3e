package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.StoredValues;
import com.m365console.support.SyncNow;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.RecordedRequest;
import com.m365console.testsupport.microsoft.graph.SeedMessage;
import com.m365console.testsupport.microsoft.graph.SentMail;
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

/**
 * A shared mailbox connected with the application's own permission (client credentials, no delegate, no Microsoft
 * redirect), through the GraphQL API: it is SYSTEM over GRAPH with grant APPLICATION, syncs and sends through
 * {@code /users/{address}} with app-only tokens stored only encrypted; a missing permission or an unknown address
 * creates nothing; a revoked credential refuses access with advice. Peers: the identity platform and Graph look-alikes.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationPermissionMailboxTest extends Microsoft365TestBase {

    @Autowired
    SecretCipher cipher;

    Sessions.Browser alice;
    FakeMailbox shared;
    int graphRequestsBefore;
    int authorizeRequestsBefore;

    @BeforeEach
    void configure() throws Exception {
        resetWithRegisteredApp();
        shared = microsoft.graph().mailbox(SHARED);
        shared.enableRest();
        alice = sessions.signIn("alice", TestAccounts.PASSWORD);
        graphRequestsBefore = microsoft.graph().requests().size();
        authorizeRequestsBefore = microsoft.authorizeRequests().size();
    }

    @Test
    void connectsSyncsAndSendsWithTheApplicationsPermission(CapturedOutput output) {
        grant("Mail.ReadWrite", "Mail.Send");
        String subject = "For support " + UUID.randomUUID();
        shared.add(shared.folderId("inbox"), SeedMessage.of(subject, "dana@contoso.com"));

        UUID mailboxId = connect(alice)
                .path("connectSharedMailboxWithAppPermission.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("connectSharedMailboxWithAppPermission.mailbox.kind")
                .entity(String.class)
                .isEqualTo("SYSTEM")
                .path("connectSharedMailboxWithAppPermission.mailbox.transport")
                .entity(String.class)
                .isEqualTo("GRAPH")
                .path("connectSharedMailboxWithAppPermission.mailbox.grant")
                .entity(String.class)
                .isEqualTo("APPLICATION")
                .path("connectSharedMailboxWithAppPermission.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED")
                .path("connectSharedMailboxWithAppPermission.mailbox.id")
                .entity(UUID.class)
                .get();
        assertThat(microsoft.authorizeRequests()).as("no Microsoft redirect").hasSize(authorizeRequestsBefore);
        assertThat(last(microsoft.tokenRequests()))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "https://graph.microsoft.com/.default");
        assertThat(graphRequests())
                .extracting(RecordedRequest::path)
                .contains("/v1.0/users/" + SHARED + "/mailFolders");

        String token = storedGraphToken(mailboxId);
        assertThat(microsoft.accessToken(token))
                .hasValueSatisfying(grant -> assertThat(grant.appOnly()).isTrue());
        assertThat(text(
                        "select (refresh_token is null and refresh_key_id is null)::text from mailbox_token "
                                + "where mailbox_id = :id",
                        mailboxId))
                .as("no refresh token for an application's grant")
                .isEqualTo("true");

        SyncNow.Answer synced = SyncNow.press(alice, sessions.baseUrl(), mailboxId);
        assertThat(synced.state()).isEqualTo("SUCCEEDED");
        assertThat(storedSubjects(mailboxId)).contains(subject);

        int sentBefore = microsoft.graph().sentMail().size();
        send(mailboxId, "From the app")
                .path("sendEmail.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(microsoft.graph().sentMail()).hasSize(sentBefore + 1);
        SentMail mail = last(microsoft.graph().sentMail());
        assertThat(mail.from()).isEqualTo(SHARED);
        assertThat(mail.subject()).isEqualTo("From the app");
        assertThat(graphRequests().stream()
                        .filter(request -> request.path().endsWith("/sendMail"))
                        .map(RecordedRequest::path))
                .containsExactly("/v1.0/users/" + SHARED + "/sendMail");

        alice.graphQl()
                .document("{ systemMailboxes { address grant } }")
                .execute()
                .path("systemMailboxes[?(@.address == '" + SHARED + "')].grant")
                .entityList(String.class)
                .containsExactly("APPLICATION");

        for (String issued : List.of(token, storedGraphToken(mailboxId))) {
            assertThat(StoredValues.everything(db)).doesNotContain(issued).doesNotContain(StoredValues.hex(issued));
            assertThat(output.getAll()).doesNotContain(issued);
        }
    }

    @Test
    void anExpiredAppTokenIsIssuedAgainWithClientCredentials() {
        grant("Mail.ReadWrite", "Mail.Send");
        UUID mailboxId = connectedId();
        String first = storedGraphToken(mailboxId);
        db.sql("update mailbox_token set graph_access_expires_at = now() - interval '1 minute' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
        int tokenRequests = microsoft.tokenRequests().size();

        check(mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED");

        assertThat(microsoft
                        .tokenRequests()
                        .subList(tokenRequests, microsoft.tokenRequests().size()))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request).containsEntry("grant_type", "client_credentials"));
        assertThat(storedGraphToken(mailboxId)).isNotEqualTo(first);
    }

    @Test
    void aRevokedCredentialRefusesAccessWithAdviceOnTheRegistration() {
        grant("Mail.ReadWrite", "Mail.Send");
        UUID mailboxId = connectedId();
        microsoft.expireSecret(clientId);
        db.sql("update mailbox_token set graph_access_expires_at = now() - interval '1 minute' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();

        check(mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("ACCESS_REFUSED")
                .path("checkMailboxConnection.mailbox.lastError")
                .entity(String.class)
                .satisfies(error -> assertThat(error)
                        .contains("credential")
                        .contains("Mail.ReadWrite")
                        .doesNotContain(SECRET));
        assertThat(text("select state from mailbox where id = :id", mailboxId)).isNotEqualTo("NEEDS_REAUTH");
    }

    @Test
    void consentWithdrawnDuringASyncRefusesAccessNamingTheApplicationPermissionAndCheckLiftsIt() {
        grant("Mail.ReadWrite", "Mail.Send");
        String address = freshSharedMailbox();
        String subject = "After consent " + UUID.randomUUID();
        UUID mailboxId = connectedId(address);
        assertThat(SyncNow.press(alice, sessions.baseUrl(), mailboxId).state()).isEqualTo("SUCCEEDED");
        microsoft.graph().revokeApplicationPermission(clientId, "Mail.ReadWrite");
        microsoft
                .graph()
                .mailbox(address)
                .add(microsoft.graph().mailbox(address).folderId("inbox"), SeedMessage.of(subject, "dana@contoso.com"));

        SyncNow.Answer refused = SyncNow.press(alice, sessions.baseUrl(), mailboxId);

        assertThat(refused.state()).isEqualTo("ACCESS_REFUSED");
        assertThat(refused.reason())
                .contains("application permission Mail.ReadWrite with admin consent in Microsoft Entra ID")
                .contains("ErrorAccessDenied")
                .doesNotContain("reconnect");
        assertThat(text("select state from mailbox where id = :id", mailboxId)).isEqualTo("ACCESS_REFUSED");
        assertThat(text("select last_error from mailbox where id = :id", mailboxId))
                .isEqualTo(refused.reason());
        assertThat(text("select last_state from mailbox_sync where mailbox_id = :id", mailboxId))
                .isEqualTo("ACCESS_REFUSED");
        assertThat(storedSubjects(mailboxId)).doesNotContain(subject);

        grant("Mail.ReadWrite");
        check(mailboxId)
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.mailbox.state")
                .entity(String.class)
                .isEqualTo("CONNECTED");
        assertThat(SyncNow.press(alice, sessions.baseUrl(), mailboxId).state()).isEqualTo("SUCCEEDED");
        assertThat(storedSubjects(mailboxId)).contains(subject);
    }

    @Test
    void aCredentialRefusedDuringASyncRefusesAccessWithAdviceOnTheRegistrationNotReconnecting() {
        grant("Mail.ReadWrite", "Mail.Send");
        UUID mailboxId = connectedId(freshSharedMailbox());
        microsoft.expireSecret(clientId);
        db.sql("update mailbox_token set graph_access_expires_at = now() - interval '1 minute' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();

        SyncNow.Answer refused = SyncNow.press(alice, sessions.baseUrl(), mailboxId);

        assertThat(refused.state()).isEqualTo("ACCESS_REFUSED");
        assertThat(refused.reason())
                .contains("credential (secret or certificate)")
                .contains("Mail.ReadWrite and Mail.Send have admin consent in Microsoft Entra ID")
                .contains("The client secret has expired")
                .doesNotContain(SECRET);
        assertThat(text("select state from mailbox where id = :id", mailboxId)).isEqualTo("ACCESS_REFUSED");
        assertThat(text("select last_state from mailbox_sync where mailbox_id = :id", mailboxId))
                .isEqualTo("ACCESS_REFUSED");
    }

    @Test
    void withoutThePermissionItIsATypedErrorAndNoMailboxIsCreated() {
        connect(alice)
                .path("connectSharedMailboxWithAppPermission.mailbox")
                .valueIsNull()
                .path("connectSharedMailboxWithAppPermission.errors[0].code")
                .entity(String.class)
                .isEqualTo("MAIL_SERVER_REFUSED")
                .path("connectSharedMailboxWithAppPermission.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message)
                        .contains("Mail.ReadWrite")
                        .contains("admin consent")
                        .contains("application access policy")
                        .contains("ErrorAccessDenied"));
        assertThat(systemMailboxCount()).isZero();
    }

    @Test
    void anUnknownAddressIsAClearErrorAndNoMailboxIsCreated() {
        grant("Mail.ReadWrite", "Mail.Send");
        alice.graphQl()
                .documentName("connectSharedMailboxWithAppPermission")
                .variable("input", Map.of("address", "nobody@contoso.com"))
                .execute()
                .path("connectSharedMailboxWithAppPermission.errors[0].field")
                .entity(String.class)
                .isEqualTo("address")
                .path("connectSharedMailboxWithAppPermission.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("nobody@contoso.com"));
        assertThat(systemMailboxCount()).isZero();
    }

    @Test
    void aUserIsRefused() {
        grant("Mail.ReadWrite", "Mail.Send");
        sessions.signIn("jane", TestAccounts.PASSWORD)
                .graphQl()
                .documentName("connectSharedMailboxWithAppPermission")
                .variable("input", Map.of("address", SHARED))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error ->
                                assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        assertThat(systemMailboxCount()).isZero();
    }

    private void grant(String... permissions) {
        for (String permission : permissions) {
            microsoft.graph().grantApplicationPermission(clientId, permission);
        }
    }

    private GraphQlTester.Response connect(Sessions.Browser browser) {
        return browser.graphQl()
                .documentName("connectSharedMailboxWithAppPermission")
                .variable("input", Map.of("address", SHARED))
                .execute();
    }

    private UUID connectedId() {
        return connectedId(SHARED);
    }

    private UUID connectedId(String address) {
        return alice.graphQl()
                .documentName("connectSharedMailboxWithAppPermission")
                .variable("input", Map.of("address", address))
                .execute()
                .path("connectSharedMailboxWithAppPermission.mailbox.id")
                .entity(UUID.class)
                .get();
    }

    /** A shared mailbox of its own for this test: the Graph look-alike keeps its mailboxes across tests. */
    private String freshSharedMailbox() {
        String address = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        microsoft.graph().mailbox(address);
        return address;
    }

    private GraphQlTester.Response send(UUID mailboxId, String subject) {
        return alice.graphQl()
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
                                "Hello"))
                .execute();
    }

    private GraphQlTester.Response check(UUID mailboxId) {
        return alice.graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
    }

    private List<RecordedRequest> graphRequests() {
        List<RecordedRequest> all = microsoft.graph().requests();
        return all.subList(graphRequestsBefore, all.size());
    }

    private long systemMailboxCount() {
        return db.sql("select count(*) from mailbox where kind = 'SYSTEM'")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private String storedGraphToken(UUID mailboxId) {
        return db.sql("select graph_access_token, graph_access_key_id from mailbox_token where mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> cipher.decrypt(
                        new EncryptedValue(
                                row.get("graph_access_key_id", String.class),
                                row.get("graph_access_token", byte[].class)),
                        "mailbox_token.graph_access:" + mailboxId))
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

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
