package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Result of a save: the settings as they now are, and why nothing was saved if {@code errors} is not empty. */
public record UpdateMicrosoftSettingsPayload(MicrosoftSettings settings, List<UserError> errors) {}
