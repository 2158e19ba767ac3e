package com.m365console.sync;

import com.m365console.mailbox.MailboxState;
import com.m365console.mailbox.MailboxView;
import com.m365console.sync.MailboxHealthStore.MailboxHealth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the Dashboard counts: each mailbox once by what it needs, push by state among the connected ones, the newest
 * failures first. Pure, so the rules are unit-tested apart from the database ({@code DashboardTallyTest}).
 */
final class DashboardTally {

    static final int RECENT_FAILURES = 10;

    private DashboardTally() {}

    static Dashboard of(
            Dashboard.Scope scope,
            List<MailboxView> mailboxes,
            Map<UUID, MailboxHealth> health,
            Map<MailboxView, PushStatus> push) {
        int connected = 0, failing = 0, needsReconnect = 0, accessRefused = 0, disconnected = 0;
        int watched = 0, connecting = 0, pushFailing = 0, notWatched = 0;
        for (MailboxView mailbox : mailboxes) {
            switch (mailbox.state()) {
                case CONNECTED -> {
                    if (lastRunFailed(health.get(mailbox.id()))) {
                        failing++;
                    } else {
                        connected++;
                    }
                    PushStatus status = push.get(mailbox);
                    switch (status == null ? PushState.OFF : status.state()) {
                        case WATCHING -> watched++;
                        case CONNECTING -> connecting++;
                        case RECONNECTING, FAILING -> pushFailing++;
                        case OFF -> notWatched++;
                    }
                }
                case NEEDS_REAUTH -> needsReconnect++;
                case ACCESS_REFUSED -> accessRefused++;
                case DISCONNECTED -> disconnected++;
            }
        }
        List<Dashboard.MailboxFailure> failures = mailboxes.stream()
                .filter(mailbox -> health.containsKey(mailbox.id())
                        && health.get(mailbox.id()).lastFailure() != null)
                .map(mailbox -> new Dashboard.MailboxFailure(
                        mailbox, health.get(mailbox.id()).lastFailure()))
                .sorted(Comparator.comparing((Dashboard.MailboxFailure failure) ->
                                failure.failure().at())
                        .reversed())
                .limit(RECENT_FAILURES)
                .toList();
        List<MailboxView> notRefreshed = mailboxes.stream()
                .filter(mailbox -> mailbox.state() == MailboxState.NEEDS_REAUTH)
                .sorted(Comparator.comparing(MailboxView::address, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new Dashboard(
                scope,
                new Dashboard.MailboxStateCounts(
                        mailboxes.size(), connected, failing, needsReconnect, accessRefused, disconnected),
                new Dashboard.PushCounts(watched, connecting, pushFailing, notWatched),
                failures,
                notRefreshed);
    }

    private static boolean lastRunFailed(MailboxHealth health) {
        return health != null && health.lastSync() != null && health.lastSync().state() == SyncState.FAILED;
    }
}
