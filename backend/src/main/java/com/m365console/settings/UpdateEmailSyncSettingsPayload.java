package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema type {@code UpdateEmailSyncSettingsPayload}. */
public record UpdateEmailSyncSettingsPayload(EmailSyncSettings settings, List<UserError> errors) {}
