package com.m365console.sync;

/** What a running synchronisation tells as it goes, for live status; the run's only way out besides its outcome. */
interface SyncProgress {

    /** Logging in to the mail server. */
    void connecting();

    /** {@code done} of the folder's {@code total} messages are stored. */
    void folder(String folder, int done, int total);
}
