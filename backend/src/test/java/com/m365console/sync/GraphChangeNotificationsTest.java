package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.AppInstance;
import com.m365console.support.Eventually;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import com.m365console.testsupport.TlsFront;
import com.m365console.testsupport.microsoft.graph.FakeMailbox;
import com.m365console.testsupport.microsoft.graph.FakeSubscription;
import com.m365console.testsupport.microsoft.graph.SeedMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code m365.public-base-url} on HTTPS (here a TLS-terminating front, as a reverse proxy is), a mailbox
 * connected over Graph subscribes to its inbox's changes, and Graph's notifications bring its new mail: the delta
 * poll is set to 10 minutes, so nothing else could within a test. Lifecycle events renew, re-create and catch up;
 * a notification with another client state does nothing. Peers: the identity platform and its Graph look-alike,
 * which validates the notification URL and posts to it over TLS.
 */
@TestPropertySource(properties = {"m365.graph.poll-interval=PT10M", "m365.sync.schedule-check-interval=PT0.5S"})
class GraphChangeNotificationsTest extends Microsoft365TestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TlsFront front = new TlsFront();

    @DynamicPropertySource
    static void publicBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("m365.public-base-url", front::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    Sessions.Browser jane;
    FakeMailbox box;
    UUID mailboxId;

    @BeforeEach
    void resetAndReachTheAppThroughTls() throws Exception {
        front.forwardTo(port);
        resetWithRegisteredApp();
        microsoft.registerApp(clientId, SECRET, TENANT, false, front.baseUrl() + "/login/oauth2/code/microsoft");
        box = microsoft.graph().mailbox(JANE);
        microsoft.graph().endSubscriptions(JANE);
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
    }

    @Test
    void aNewMessageArrivesByItsChangeNotification() {
        String first = "First " + UUID.randomUUID();
        box.add(box.folderId("inbox"), SeedMessage.of(first, "dana@contoso.com"));
        connectOverGraph();
        Eventually.until(
                "the first run stored the inbox",
                WAIT,
                () -> storedSubjects(mailboxId).contains(first));

        FakeSubscription subscription = subscription();
        assertThat(subscription.resource()).isEqualTo("me/mailFolders('inbox')/messages");
        assertThat(subscription.notificationUrl()).isEqualTo(front.baseUrl() + "/graph/notifications");
        assertThat(subscription.lifecycleNotificationUrl()).isEqualTo(front.baseUrl() + "/graph/lifecycle");
        assertThat(subscription.changeTypes()).isEqualTo("created,updated,deleted");
        assertThat(subscription.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(2)));
        assertThat(storedClientStateHash())
                .as("the client state is kept only as its hash")
                .isNotNull()
                .isNotEqualTo(subscription.clientState());
        assertPush("WATCHING");

        int held = box.messageIds(box.folderId("inbox")).size();
        String pushed = "Pushed " + UUID.randomUUID();
        String messageId = box.add(box.folderId("inbox"), SeedMessage.of(pushed, "dana@contoso.com"));
        Eventually.until(
                "the notified message is stored",
                WAIT,
                () -> storedSubjects(mailboxId).contains(pushed),
                () -> microsoft.graph().notificationStatuses().toString());
        assertThat(storedSubjects(mailboxId)).as("each message once").hasSize(held + 1);

        box.delete(messageId);
        Eventually.until(
                "the notified deletion is applied",
                WAIT,
                () -> !storedSubjects(mailboxId).contains(pushed));
    }

    @Test
    void aSharedMailboxConnectedWithTheApplicationsPermissionIsPushedToo() {
        FakeMailbox shared = microsoft.graph().mailbox(SHARED);
        shared.enableRest();
        microsoft.graph().endSubscriptions(SHARED);
        microsoft.graph().grantApplicationPermission(clientId, "Mail.ReadWrite");
        microsoft.graph().grantApplicationPermission(clientId, "Mail.Send");
        mailboxId = sessions.signIn("alice", TestAccounts.PASSWORD)
                .graphQl()
                .documentName("connectSharedMailboxWithAppPermission")
                .variable("input", Map.of("address", SHARED))
                .execute()
                .path("connectSharedMailboxWithAppPermission.mailbox.id")
                .entity(UUID.class)
                .get();
        Eventually.until("the app subscribed", WAIT, () -> storedSubscriptionId() != null);
        assertThat(subscription(SHARED).resource()).isEqualTo("users/" + SHARED + "/mailFolders('inbox')/messages");

        deliverAndAwaitStored(shared, "For support");
    }

    @Test
    void aNotificationThatReachesAnotherInstanceBringsTheMailToo() throws Exception {
        Map<String, String> properties = new java.util.LinkedHashMap<>(AppInstance.sharedWith(environment));
        properties.put("m365.microsoft.graph-host", microsoft.graphHost());
        properties.put("m365.public-base-url", front.baseUrl());
        properties.put("m365.graph.poll-interval", "PT10M");
        try (AppInstance second = AppInstance.inThisJvm(properties)) {
            connectOverGraph();
            awaitFirstRun();
            front.forwardTo(java.net.URI.create(second.baseUrl()).getPort());

            deliverAndAwaitStored(box, "Via the second instance");
        }
    }

    @Test
    void aNotificationWithAnotherClientStateIsIgnored() {
        connectOverGraph();
        awaitFirstRun();
        Instant runEnded = lastFinished();
        int delivered = microsoft.graph().notificationStatuses().size();

        microsoft.graph().forgeNotification(subscription().id(), "not-the-client-state");

        assertCountedForNothing(delivered, runEnded);
    }

    @Test
    void aDisconnectedMailboxsNotificationsStartNothing() {
        connectOverGraph();
        awaitFirstRun();
        jane.graphQl()
                .documentName("disconnectMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("disconnectMailbox.mailbox.state")
                .entity(String.class)
                .isEqualTo("DISCONNECTED");
        Instant runEnded = lastFinished();
        int delivered = microsoft.graph().notificationStatuses().size();

        box.add(box.folderId("inbox"), SeedMessage.of("After disconnecting " + UUID.randomUUID(), "dana@contoso.com"));

        assertCountedForNothing(delivered, runEnded);
    }

    @Test
    void reauthorizationRequiredRenewsTheSubscriptionAndNotificationsGoOn() {
        connectOverGraph();
        FakeSubscription before = subscription();

        microsoft.graph().lifecycle(before.id(), "reauthorizationRequired");

        Eventually.until(
                "the app renewed the subscription",
                WAIT,
                () -> !subscription().awaitingReauthorization()
                        && subscription().expiresAt().isAfter(before.expiresAt()));
        assertThat(subscription().id()).isEqualTo(before.id());
        deliverAndAwaitStored(box, "After renewal");
    }

    @Test
    void aRemovedSubscriptionIsCreatedAgain() {
        connectOverGraph();
        String removed = subscription().id();

        microsoft.graph().lifecycle(removed, "subscriptionRemoved");

        Eventually.until(
                "a new subscription",
                WAIT,
                () -> storedSubscriptionId() != null && !removed.equals(storedSubscriptionId()));
        deliverAndAwaitStored(box, "After re-creation");
    }

    @Test
    void missedNotificationsAreCaughtUpByADeltaRun() throws Exception {
        connectOverGraph();
        awaitFirstRun();
        int delivered = microsoft.graph().notificationStatuses().size();
        front.forwardTo(closedPort());
        String missed = "Missed " + UUID.randomUUID();
        box.add(box.folderId("inbox"), SeedMessage.of(missed, "dana@contoso.com"));
        Eventually.until("Graph could not deliver", WAIT, () -> {
            List<String> statuses = microsoft.graph().notificationStatuses();
            return statuses.subList(delivered, statuses.size()).stream().anyMatch(s -> s.startsWith("0 "));
        });
        assertThat(storedSubjects(mailboxId)).doesNotContain(missed);

        front.forwardTo(port);
        microsoft.graph().lifecycle(subscription().id(), "missed");

        Eventually.until(
                "the missed message is stored",
                WAIT,
                () -> storedSubjects(mailboxId).contains(missed));
    }

    @Test
    void aNotificationUrlGraphCannotValidateLeavesTheDeltaPollAndSaysWhy() throws Exception {
        front.forwardTo(closedPort());
        String first = "Polled " + UUID.randomUUID();
        box.add(box.folderId("inbox"), SeedMessage.of(first, "dana@contoso.com"));
        mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        Eventually.until(
                "the run stored the inbox anyway",
                WAIT,
                () -> storedSubjects(mailboxId).contains(first));
        Eventually.until("the push state says why", WAIT, () -> "FAILING".equals(pushState()));
        assertThat(pushReason())
                .contains("Subscription validation request failed")
                .contains("delta poll");
        assertThat(storedSubscriptionId()).isNull();
    }

    @Test
    void theNotificationUrlAnswersValidationAndRefusesWhatIsNoNotification() {
        var http = sessions.anonymous().client();
        http.post()
                .uri("/graph/notifications?validationToken={token}", "Validation: Testing reachability 1 + 2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class)
                .isEqualTo("Validation: Testing reachability 1 + 2");
        http.post()
                .uri("/graph/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"value\": 3}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.post()
                .uri("/graph/lifecycle")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.post()
                .uri("/graph/notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"value\": [{\"subscriptionId\": \"unknown\", \"clientState\": \"x\"}]}")
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    /** The next notification POST was answered 202 (Graph would retry otherwise), yet noted nothing and ran nothing. */
    private void assertCountedForNothing(int deliveredBefore, Instant runEnded) {
        Eventually.until(
                "the notification was answered",
                WAIT,
                () -> microsoft.graph().notificationStatuses().size() > deliveredBefore);
        assertThat(microsoft.graph().notificationStatuses().get(deliveredBefore))
                .startsWith("202 ");
        assertThat(notifiedAt()).as("not noted as a change").isNull();
        assertThat(lastFinished()).as("no run").isEqualTo(runEnded);
    }

    /**
     * Delivers a message with a subject of its own to the inbox at Graph and waits until the app stored it: with the
     * poll 10 minutes away, only a notification can bring it.
     */
    private void deliverAndAwaitStored(FakeMailbox mailbox, String subjectStart) {
        String subject = subjectStart + " " + UUID.randomUUID();
        mailbox.add(mailbox.folderId("inbox"), SeedMessage.of(subject, "dana@contoso.com"));
        Eventually.until(
                "the notified message is stored",
                WAIT,
                () -> storedSubjects(mailboxId).contains(subject),
                () -> microsoft.graph().notificationStatuses().toString());
    }

    private void awaitFirstRun() {
        Eventually.until("the first run ended", WAIT, () -> lastFinished() != null);
    }

    private void connectOverGraph() {
        mailboxId = connect(jane, JANE, Map.of("transport", "GRAPH"));
        Eventually.until("the app subscribed", WAIT, () -> storedSubscriptionId() != null);
    }

    /** The look-alike's subscription the app holds now for jane's mailbox. */
    private FakeSubscription subscription() {
        return subscription(JANE);
    }

    private FakeSubscription subscription(String address) {
        String id = storedSubscriptionId();
        List<FakeSubscription> live = microsoft.graph().subscriptions(address);
        return live.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Graph has no subscription " + id + ": " + live));
    }

    private String storedSubscriptionId() {
        return column("select subscription_id from graph_subscription where mailbox_id = :id", String.class);
    }

    private String storedClientStateHash() {
        return column("select client_state_sha256 from graph_subscription where mailbox_id = :id", String.class);
    }

    private Instant notifiedAt() {
        var at = column(
                "select notified_at from graph_subscription where mailbox_id = :id", java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private Instant lastFinished() {
        var at = column(
                "select last_finished_at from mailbox_sync where mailbox_id = :id", java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private <T> T column(String sql, Class<T> type) {
        return db.sql(sql)
                .bind("id", mailboxId)
                .map(row -> java.util.Optional.ofNullable(row.get(0, type)))
                .one()
                .blockOptional()
                .flatMap(value -> value)
                .orElse(null);
    }

    private void assertPush(String state) {
        assertThat(pushState()).isEqualTo(state);
    }

    private String pushState() {
        return jane.graphQl()
                .document("{ myMailboxes { push { state } } }")
                .execute()
                .path("myMailboxes[0].push.state")
                .entity(String.class)
                .get();
    }

    private String pushReason() {
        return jane.graphQl()
                .document("{ myMailboxes { push { reason } } }")
                .execute()
                .path("myMailboxes[0].push.reason")
                .entity(String.class)
                .get();
    }

    /** A port nothing listens on: the console's address as Graph sees it while the proxy is down. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
