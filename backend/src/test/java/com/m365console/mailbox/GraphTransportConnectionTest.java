package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.m365console.graph.GraphFolder;
import com.m365console.graph.GraphMailClient;
import com.m365console.graph.GraphMailbox;
import com.m365console.microsoft.Cloud;
import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.StoredValues;
import com.m365console.support.SyncNow;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A mailbox connected over Microsoft Graph: the consent asks Graph's scopes (one resource), the Graph access token is
 * stored encrypted next to the Outlook one's place, renewed with Graph's scopes, and works against the Graph
 * look-alike; switching transports keeps the mailbox and its mail. Peers: the local identity platform with its Graph.
 */
@ExtendWith(OutputCaptureExtension.class)
class GraphTransportConnectionTest extends Microsoft365TestBase {

    private static final String GRAPH = "https://graph.microsoft.com";
    private static final Set<String> GRAPH_CONSENT =
            Set.of("openid", "email", "profile", "offline_access", GRAPH + "/Mail.ReadWrite", GRAPH + "/Mail.Send");

    @Autowired
    SecretCipher cipher;

    @Autowired
    MailboxTokens tokens;

    @Autowired
    GraphMailClient graph;

    Sessions.Browser jane;

    @BeforeEach
    void configure() throws Exception {
        resetWithRegisteredApp();
        microsoft.graph().mailbox(JANE);
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
    }

    @Test
    void connectOverGraphStoresAGraphTokenThatRenewsWithGraphScopesAndReadsTheMailbox(CapturedOutput output)
            throws Exception {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));

        assertThat(scopes(lastAuthorize().get("scope"))).isEqualTo(GRAPH_CONSENT);
        String listed = jane.graphQl()
                .documentName("myMailboxes")
                .execute()
                .path("myMailboxes[0].transport")
                .entity(String.class)
                .isEqualTo("GRAPH")
                .path("myMailboxes[0].accessTokenExpiresAt")
                .hasValue()
                .path("myMailboxes")
                .entityList(Object.class)
                .get()
                .toString();
        assertThat(column("select transport from mailbox where id = :id", mailboxId))
                .isEqualTo("GRAPH");
        assertThat(column(
                        "select count(*)::text from mailbox_token where access_token is null "
                                + "and graph_access_token is not null and mailbox_id = :id",
                        mailboxId))
                .isEqualTo("1");

        String first = storedGraphToken(mailboxId);
        assertThat(microsoft.accessToken(first))
                .hasValueSatisfying(grant -> assertThat(scopes(grant.scope())).isEqualTo(GRAPH_CONSENT));
        assertThat(tokens.graphAccessToken(mailboxId).block(Duration.ofSeconds(10)))
                .isEqualTo(first);
        assertThat(inboxOf(first)).isTrue();

        expireGraphToken(mailboxId);
        String renewed = tokens.accessToken(mailboxId, MailResource.GRAPH).block(Duration.ofSeconds(10));
        Map<String, String> refresh = lastTokenRequest();
        assertThat(refresh).containsEntry("grant_type", "refresh_token");
        assertThat(scopes(refresh.get("scope")))
                .isEqualTo(Set.of("offline_access", GRAPH + "/Mail.ReadWrite", GRAPH + "/Mail.Send"));
        assertThat(renewed).isNotEqualTo(first).isEqualTo(storedGraphToken(mailboxId));
        assertThat(inboxOf(renewed)).isTrue();

        for (String token : List.of(first, renewed, refreshToken(mailboxId))) {
            assertThat(StoredValues.everything(db)).doesNotContain(token).doesNotContain(StoredValues.hex(token));
            assertThat(output.getAll()).doesNotContain(token);
            assertThat(listed).doesNotContain(token);
        }
    }

    @Test
    void theOutlookTokenOfAGraphMailboxIsRefusedWithoutAskingMicrosoft() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        int requests = microsoft.tokenRequests().size();

        var refused = catchThrowableOfType(
                MailboxUnavailableException.class,
                () -> tokens.accessToken(mailboxId).block(Duration.ofSeconds(10)));

        assertThat(refused.reason()).isEqualTo(MailboxUnavailableException.Reason.NOT_CONNECTED);
        assertThat(refused.getMessage()).contains("connected over Microsoft Graph, not IMAP and SMTP");
        assertThat(microsoft.tokenRequests()).hasSize(requests);
        assertThat(column("select state from mailbox where id = :id", mailboxId))
                .isEqualTo("CONNECTED");
    }

    @Test
    void reconnectingSwitchesFromImapToGraphAndKeepsTheMailboxAndItsMail() throws Exception {
        UUID mailboxId = connect(jane, JANE, Map.of());
        deliverWithNewSubject(JANE);
        deliverWithNewSubject(JANE);
        assertThat(SyncNow.press(jane, sessions.baseUrl(), mailboxId).state()).isEqualTo("SUCCEEDED");
        List<String> stored = storedSubjects(mailboxId);
        assertThat(stored).hasSize(2);

        assertThat(connect(jane, JANE, Map.of("mailboxId", mailboxId.toString(), "transport", "GRAPH")))
                .isEqualTo(mailboxId);

        assertThat(scopes(lastAuthorize().get("scope"))).isEqualTo(GRAPH_CONSENT);
        assertThat(column("select transport from mailbox where id = :id", mailboxId))
                .isEqualTo("GRAPH");
        assertThat(storedSubjects(mailboxId)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(column(
                        "select count(*)::text from mailbox_token where access_token is null "
                                + "and graph_access_token is not null and mailbox_id = :id",
                        mailboxId))
                .as("the Outlook token of the replaced grant is gone")
                .isEqualTo("1");
        assertThat(inboxOf(tokens.graphAccessToken(mailboxId).block(Duration.ofSeconds(10))))
                .isTrue();

        connect(jane, JANE, Map.of("mailboxId", mailboxId.toString()));
        assertThat(scopes(lastAuthorize().get("scope")))
                .as("a reconnection without a choice keeps the transport")
                .isEqualTo(GRAPH_CONSENT);
        connect(jane, JANE, Map.of("mailboxId", mailboxId.toString(), "transport", "IMAP"));
        assertThat(column("select transport from mailbox where id = :id", mailboxId))
                .isEqualTo("IMAP");
        assertThat(tokens.accessToken(mailboxId).block(Duration.ofSeconds(10))).isNotBlank();
        assertThat(storedSubjects(mailboxId)).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void aRevokedGrantMovesAGraphMailboxToNeedsReauth() {
        UUID mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        microsoft.revokeGrants(JANE);
        expireGraphToken(mailboxId);

        var refused = catchThrowableOfType(
                MailboxUnavailableException.class,
                () -> tokens.graphAccessToken(mailboxId).block(Duration.ofSeconds(10)));

        assertThat(refused.reason()).isEqualTo(MailboxUnavailableException.Reason.NEEDS_REAUTH);
        assertThat(column("select state from mailbox where id = :id", mailboxId))
                .isEqualTo("NEEDS_REAUTH");
        assertThat(lastTokenRequest().get("scope")).contains(GRAPH + "/Mail.ReadWrite");
    }

    @Test
    void aSharedMailboxOverGraphAsksTheSharedPermissionsAndOpensThroughTheDelegate() {
        var alice = sessions.signIn("alice", TestAccounts.PASSWORD);
        microsoft.graph().mailbox(SHARED).allowDelegate(ADMIN_MS);

        UUID mailboxId =
                connect(alice, ADMIN_MS, Map.of("kind", "SYSTEM", "sharedAddress", SHARED, "transport", "GRAPH"));

        Set<String> shared = new TreeSet<>(GRAPH_CONSENT);
        shared.addAll(Set.of(GRAPH + "/Mail.ReadWrite.Shared", GRAPH + "/Mail.Send.Shared"));
        assertThat(scopes(lastAuthorize().get("scope"))).isEqualTo(shared);
        String token = tokens.graphAccessToken(mailboxId).block(Duration.ofSeconds(10));
        assertThat(graph.folders(token, GraphMailbox.user(Cloud.GLOBAL, SHARED)).block(Duration.ofSeconds(10)))
                .extracting(GraphFolder::wellKnownName)
                .contains("inbox");
        expireGraphToken(mailboxId);
        tokens.graphAccessToken(mailboxId).block(Duration.ofSeconds(10));
        assertThat(scopes(lastTokenRequest().get("scope"))).contains(GRAPH + "/Mail.ReadWrite.Shared");
    }

    @Test
    void aUserCannotReconnectAnotherUsersMailboxOverGraph() {
        UUID mailboxId = connect(jane, JANE, Map.of());

        sessions.graphQl("bob", TestAccounts.PASSWORD)
                .documentName("startMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "transport", "GRAPH"))
                .execute()
                .path("startMailboxConnection.authorizationUrl")
                .valueIsNull()
                .path("startMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        assertThat(column("select transport from mailbox where id = :id", mailboxId))
                .isEqualTo("IMAP");
    }

    private boolean inboxOf(String token) {
        return graph.folders(token, GraphMailbox.me(Cloud.GLOBAL)).block(Duration.ofSeconds(10)).stream()
                .anyMatch(folder -> "inbox".equals(folder.wellKnownName()));
    }

    private static Set<String> scopes(String scope) {
        return Set.of(scope.trim().split("\\s+"));
    }

    private Map<String, String> lastAuthorize() {
        var all = microsoft.authorizeRequests();
        return all.get(all.size() - 1);
    }

    private Map<String, String> lastTokenRequest() {
        var all = microsoft.tokenRequests();
        return all.get(all.size() - 1);
    }

    private void expireGraphToken(UUID mailboxId) {
        db.sql("update mailbox_token set graph_access_expires_at = now() - interval '1 minute' where mailbox_id = :id")
                .bind("id", mailboxId)
                .then()
                .block();
    }

    private String storedGraphToken(UUID mailboxId) {
        return decrypt(mailboxId, "graph_access_token", "graph_access_key_id", "mailbox_token.graph_access:");
    }

    private String refreshToken(UUID mailboxId) {
        return decrypt(mailboxId, "refresh_token", "refresh_key_id", "mailbox_token.refresh:");
    }

    private String decrypt(UUID mailboxId, String valueColumn, String keyColumn, String purpose) {
        return db.sql("select " + valueColumn + ", " + keyColumn + " from mailbox_token where mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> cipher.decrypt(
                        new EncryptedValue(row.get(keyColumn, String.class), row.get(valueColumn, byte[].class)),
                        purpose + mailboxId))
                .one()
                .block();
    }

    private String column(String sql, UUID id) {
        return db.sql(sql)
                .bind("id", id)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
