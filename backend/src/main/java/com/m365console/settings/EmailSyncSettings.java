package com.m365console.settings;

/** Email Synchronization Settings: schedule on or off, minutes between runs, runs at once per instance. */
public record EmailSyncSettings(boolean enabled, int intervalMinutes, int maxConcurrent) {

    static final EmailSyncSettings DEFAULTS = new EmailSyncSettings(true, 5, 4);
}
