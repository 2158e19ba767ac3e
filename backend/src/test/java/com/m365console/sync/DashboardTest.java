package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.GraphQlSockets;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.SeededMailboxes;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Dashboard as an administrator and a user read it: every mailbox counted once by what it needs, the latest
 * failures and the sign-ins Microsoft would not renew, each caller seeing only what they oversee. Peers: the local
 * identity platform and GreenMail behind a proxy that can refuse connections.
 */
class DashboardTest extends Microsoft365TestBase {

    @Autowired
    MailboxSynchronizer synchronizer;

    Sessions.Browser alice;
    Sessions.Browser jane;
    UUID janes;
    UUID alices;
    UUID shared;

    @BeforeEach
    void connectThreeMailboxes() throws Exception {
        resetWithRegisteredApp();
        alice = sessions.signIn("alice", TestAccounts.PASSWORD);
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        janes = connect(jane, JANE, Map.of());
        alices = connect(alice, ADMIN_MS, Map.of());
        shared = connect(alice, ADMIN_MS, Map.of("kind", "SYSTEM", "sharedAddress", SHARED));
    }

    @AfterEach
    void mendTheLink() {
        imapLink.dropEveryConnection(false);
    }

    @Test
    void freshlyConnectedMailboxesAreAllConnectedAndAUserSeesOnlyTheirOwn() {
        dashboard(alice)
                .path("dashboard.scope")
                .entity(String.class)
                .isEqualTo("ALL_MAILBOXES")
                .path("dashboard.mailboxes")
                .entity(Map.class)
                .isEqualTo(counts(3, 3, 0, 0, 0, 0))
                .path("dashboard.recentFailures")
                .entityList(Object.class)
                .hasSize(0)
                .path("dashboard.credential.configured")
                .entity(Boolean.class)
                .isEqualTo(true);
        dashboard(jane)
                .path("dashboard.scope")
                .entity(String.class)
                .isEqualTo("OWN_MAILBOXES")
                .path("dashboard.mailboxes")
                .entity(Map.class)
                .isEqualTo(counts(1, 1, 0, 0, 0, 0))
                .path("dashboard.credential")
                .valueIsNull();
    }

    @Test
    void eachTroubleIsCountedOnceAndTheNewestFailureComesFirst() {
        microsoft.revokeGrants(JANE);
        endAccessTokenEarly(JANE);
        assertThat(sync(janes)).isEqualTo(SyncState.NEEDS_REAUTH);
        refuseMailAccess(SHARED);
        assertThat(sync(shared)).isEqualTo(SyncState.ACCESS_REFUSED);
        imapLink.dropEveryConnection(true);
        assertThat(sync(alices)).isEqualTo(SyncState.FAILED);

        GraphQlTester.Response admins = dashboard(alice);
        admins.path("dashboard.mailboxes").entity(Map.class).isEqualTo(counts(3, 0, 1, 1, 1, 0));
        admins.path("dashboard.recentFailures[*].mailbox.address")
                .entityList(String.class)
                .containsExactly(ADMIN_MS, SHARED, JANE);
        admins.path("dashboard.recentFailures[*].failure.state")
                .entityList(String.class)
                .containsExactly("FAILED", "ACCESS_REFUSED", "NEEDS_REAUTH");
        admins.path("dashboard.tokensNotRefreshed[*].address")
                .entityList(String.class)
                .containsExactly(JANE);
        admins.path("dashboard.tokensNotRefreshed[0].owner")
                .entity(String.class)
                .isEqualTo("jane");
        admins.path("dashboard.push.notWatched").entity(Integer.class).isEqualTo(1);

        GraphQlTester.Response janes = dashboard(jane);
        janes.path("dashboard.mailboxes").entity(Map.class).isEqualTo(counts(1, 0, 0, 1, 0, 0));
        janes.path("dashboard.recentFailures[*].mailbox.address")
                .entityList(String.class)
                .containsExactly(JANE);
        janes.path("dashboard.tokensNotRefreshed[*].address")
                .entityList(String.class)
                .containsExactly(JANE);
    }

    @Test
    void aDisconnectedMailboxIsCountedAsSuchAndSignedOutCallersGetNothing() {
        jane.graphQl()
                .documentName("disconnectMailbox")
                .variable("input", Map.of("mailboxId", janes.toString()))
                .execute()
                .path("disconnectMailbox.errors")
                .entityList(Object.class)
                .hasSize(0);

        dashboard(alice).path("dashboard.mailboxes").entity(Map.class).isEqualTo(counts(3, 2, 0, 0, 0, 1));
        sessions.anonymous()
                .graphQl()
                .documentName("dashboard")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .isNotEmpty()
                        .allSatisfy(error ->
                                assertThat(String.valueOf(error.getErrorType())).isEqualTo("UNAUTHORIZED")));
    }

    @Test
    void withoutAMailboxIdTheAdminHearsEveryMailboxsRunsAndAUserOnlyTheirOwn() throws Exception {
        String everyMailbox = "subscription { mailboxSyncStatus { mailboxId state } }";
        WebSocketGraphQlTester adminSocket = socket(apiToken(alice));
        Sessions.Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        SeededMailboxes.addAccounts(microsoft, TENANT, 1);
        UUID bobs = connect(bob, SeededMailboxes.address(0), Map.of());
        WebSocketGraphQlTester bobSocket = socket(apiToken(bob));
        try {
            Flux<String> admins = ended(adminSocket.document(everyMailbox).executeSubscription());
            Flux<String> bobsHeard = ended(bobSocket.document(everyMailbox).executeSubscription());
            // Each socket's subscription is open once the sockets answered a query after it
            adminSocket.document("{ __typename }").execute();
            bobSocket.document("{ __typename }").execute();

            microsoft.revokeGrants(JANE);
            endAccessTokenEarly(JANE);
            assertThat(sync(janes)).isEqualTo(SyncState.NEEDS_REAUTH);
            assertThat(sync(alices)).isEqualTo(SyncState.SUCCEEDED);
            assertThat(sync(bobs)).isEqualTo(SyncState.SUCCEEDED);

            assertThat(admins.take(3).collectList().block(Duration.ofSeconds(10)))
                    .containsExactly(janes + " NEEDS_REAUTH", alices + " SUCCEEDED", bobs + " SUCCEEDED");
            assertThat(bobsHeard.next().block(Duration.ofSeconds(10)))
                    .as("the first run bob hears of is the last one, of his own mailbox")
                    .isEqualTo(bobs + " SUCCEEDED");
        } finally {
            Mono.when(adminSocket.stop(), bobSocket.stop())
                    .timeout(Duration.ofSeconds(5))
                    .onErrorResume(ex -> Mono.empty())
                    .block();
        }
    }

    /** The ends of runs a subscription hears, as "mailboxId STATE", from the moment it was opened. */
    private static Flux<String> ended(GraphQlTester.Subscription subscription) {
        Flux<String> steps = subscription
                .toFlux("mailboxSyncStatus", Map.class)
                .filter(step -> !List.of("CONNECTING", "SYNCING", "IDLE").contains(step.get("state")))
                .map(step -> step.get("mailboxId") + " " + step.get("state"))
                .replay()
                .autoConnect(0);
        return steps;
    }

    private String apiToken(Sessions.Browser browser) {
        return browser.graphQl()
                .documentName("createApiToken")
                .variable("input", Map.of("name", "dashboard"))
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    private WebSocketGraphQlTester socket(String token) {
        return GraphQlSockets.open(URI.create(sessions.baseUrl().replace("http", "ws") + "/graphql"), token);
    }

    private GraphQlTester.Response dashboard(Sessions.Browser browser) {
        return browser.graphQl().documentName("dashboard").execute();
    }

    private SyncState sync(UUID mailboxId) {
        return synchronizer
                .sync(mailboxId)
                .block(Duration.ofSeconds(60))
                .status(mailboxId)
                .state();
    }

    private static Map<String, Object> counts(
            int total, int connected, int failing, int needsReconnect, int accessRefused, int disconnected) {
        return Map.of(
                "total", total,
                "connected", connected,
                "failing", failing,
                "needsReconnect", needsReconnect,
                "accessRefused", accessRefused,
                "disconnected", disconnected);
    }
}
