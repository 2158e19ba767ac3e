package com.m365console.sync;

import java.time.Duration;

/** What {@link MailboxSynchronizer} needs of a running run, over IMAP ({@link SyncRun}) or Graph ({@link GraphSyncRun}). */
interface StoppableRun {

    /** Asks the run to stop before its next batch or page; it then fails with this reason. */
    void stop(String reason);

    /** Messages stored so far by this run. */
    int stored();

    Duration took();
}
