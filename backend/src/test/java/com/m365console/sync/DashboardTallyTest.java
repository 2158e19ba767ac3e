package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.mailbox.MailboxKind;
import com.m365console.mailbox.MailboxState;
import com.m365console.mailbox.MailboxView;
import com.m365console.sync.MailboxHealthStore.MailboxHealth;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Dashboard's counting rules, apart from the database. */
class DashboardTallyTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-12-02T12:00:00Z");

    @Test
    void aConnectedMailboxWhoseLastRunFailedIsFailingAndOneWhoseEarlierRunFailedIsConnected() {
        MailboxView failing = mailbox("a@contoso.com", MailboxState.CONNECTED);
        MailboxView recovered = mailbox("b@contoso.com", MailboxState.CONNECTED);
        MailboxView neverSynced = mailbox("c@contoso.com", MailboxState.CONNECTED);
        Map<UUID, MailboxHealth> health = Map.of(
                failing.id(), new MailboxHealth(failed(failing, 5), failed(failing, 5), null),
                recovered.id(), new MailboxHealth(succeeded(recovered, 1), failed(recovered, 10), null));

        Dashboard dashboard = tally(List.of(failing, recovered, neverSynced), health, Map.of());

        assertThat(dashboard.mailboxes()).isEqualTo(new Dashboard.MailboxStateCounts(3, 2, 1, 0, 0, 0));
        assertThat(dashboard.recentFailures())
                .extracting(failure -> failure.mailbox().address())
                .containsExactly("a@contoso.com", "b@contoso.com");
    }

    @Test
    void pushIsCountedAmongConnectedMailboxesOnly() {
        MailboxView watched = mailbox("a@contoso.com", MailboxState.CONNECTED);
        MailboxView reconnecting = mailbox("b@contoso.com", MailboxState.CONNECTED);
        MailboxView off = mailbox("c@contoso.com", MailboxState.CONNECTED);
        MailboxView refused = mailbox("d@contoso.com", MailboxState.ACCESS_REFUSED);
        Map<MailboxView, PushStatus> push = Map.of(
                watched,
                new PushStatus(PushState.WATCHING, NOON, null),
                reconnecting,
                new PushStatus(PushState.RECONNECTING, NOON, "cut"),
                off,
                PushStatus.off("Email Synchronization is turned off by an administrator."),
                refused,
                PushStatus.off("The mail server refuses this mailbox's access."));

        Dashboard dashboard = tally(List.of(watched, reconnecting, off, refused), Map.of(), push);

        assertThat(dashboard.push()).isEqualTo(new Dashboard.PushCounts(1, 0, 1, 1));
        assertThat(dashboard.mailboxes().accessRefused()).isEqualTo(1);
    }

    @Test
    void onlyTheTenNewestFailuresAreListedNewestFirst() {
        List<MailboxView> mailboxes = new ArrayList<>();
        Map<UUID, MailboxHealth> health = new HashMap<>();
        IntStream.range(0, 12).forEach(n -> {
            MailboxView mailbox = mailbox("m" + n + "@contoso.com", MailboxState.CONNECTED);
            mailboxes.add(mailbox);
            health.put(mailbox.id(), new MailboxHealth(failed(mailbox, n), failed(mailbox, n), null));
        });

        Dashboard dashboard = tally(mailboxes, health, Map.of());

        assertThat(dashboard.recentFailures())
                .extracting(failure -> failure.mailbox().address())
                .containsExactly(IntStream.range(0, 10)
                        .mapToObj(n -> "m" + n + "@contoso.com")
                        .toArray(String[]::new));
    }

    @Test
    void signInsMicrosoftWouldNotRenewAreTheMailboxesNeedingReconnectByAddress() {
        MailboxView zed = mailbox("Zed@contoso.com", MailboxState.NEEDS_REAUTH);
        MailboxView amy = mailbox("amy@contoso.com", MailboxState.NEEDS_REAUTH);
        MailboxView gone = mailbox("gone@contoso.com", MailboxState.DISCONNECTED);

        Dashboard dashboard = tally(List.of(zed, amy, gone), Map.of(), Map.of());

        assertThat(dashboard.tokensNotRefreshed()).containsExactly(amy, zed);
        assertThat(dashboard.mailboxes()).isEqualTo(new Dashboard.MailboxStateCounts(3, 0, 0, 2, 0, 1));
        assertThat(dashboard.push()).isEqualTo(new Dashboard.PushCounts(0, 0, 0, 0));
    }

    private static Dashboard tally(
            List<MailboxView> mailboxes, Map<UUID, MailboxHealth> health, Map<MailboxView, PushStatus> push) {
        return DashboardTally.of(Dashboard.Scope.ALL_MAILBOXES, mailboxes, health, push);
    }

    private static MailboxView mailbox(String address, MailboxState state) {
        return new MailboxView(
                UUID.randomUUID(),
                MailboxKind.PERSONAL,
                UUID.randomUUID(),
                "jane",
                address,
                state,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    private static SyncStatus failed(MailboxView mailbox, int minutesAgo) {
        return SyncStatus.recorded(
                mailbox.id(),
                SyncState.FAILED,
                null,
                0,
                "The mail server could not be reached.",
                NOON.minusMinutes(minutesAgo));
    }

    private static SyncStatus succeeded(MailboxView mailbox, int minutesAgo) {
        return SyncStatus.recorded(mailbox.id(), SyncState.SUCCEEDED, 3, 1000, null, NOON.minusMinutes(minutesAgo));
    }
}
