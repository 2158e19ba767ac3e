package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

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
