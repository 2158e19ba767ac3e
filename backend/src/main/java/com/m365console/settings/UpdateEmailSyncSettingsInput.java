package com.m365console.settings;

/** Schema input {@code UpdateEmailSyncSettingsInput}; a null field stays as it is. */
public record UpdateEmailSyncSettingsInput(Boolean enabled, Integer intervalMinutes, Integer maxConcurrent) {}
