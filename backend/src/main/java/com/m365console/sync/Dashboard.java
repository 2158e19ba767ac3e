package com.m365console.sync;

import com.m365console.mailbox.MailboxView;
import java.util.List;

/** The GraphQL type {@code Dashboard}: the health of the mailboxes one caller oversees, counted once per request. */
record Dashboard(
        Scope scope,
        MailboxStateCounts mailboxes,
        PushCounts push,
        List<MailboxFailure> recentFailures,
        List<MailboxView> tokensNotRefreshed) {

    enum Scope {
        ALL_MAILBOXES,
        OWN_MAILBOXES
    }

    record MailboxStateCounts(
            int total, int connected, int failing, int needsReconnect, int accessRefused, int disconnected) {}

    record PushCounts(int watched, int connecting, int failing, int notWatched) {}

    record MailboxFailure(MailboxView mailbox, SyncStatus failure) {}
}
