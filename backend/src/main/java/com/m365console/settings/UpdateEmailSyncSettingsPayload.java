package com.m365console.settings;

import java.util.List;

import com.m365console.platform.graphql.UserError;

/** Schema type {@code UpdateEmailSyncSettingsPayload}. */
public record UpdateEmailSyncSettingsPayload(EmailSyncSettings settings, List<UserError> errors) {
}
