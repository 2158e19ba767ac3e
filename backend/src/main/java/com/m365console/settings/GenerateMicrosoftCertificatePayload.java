package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema type {@code GenerateMicrosoftCertificatePayload}: the settings with the new certificate, or why not. */
public record GenerateMicrosoftCertificatePayload(MicrosoftSettings settings, List<UserError> errors) {}
