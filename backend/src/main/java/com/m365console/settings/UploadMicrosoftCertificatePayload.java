package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema type {@code UploadMicrosoftCertificatePayload}: the settings with the uploaded certificate, or why not. */
public record UploadMicrosoftCertificatePayload(MicrosoftSettings settings, List<UserError> errors) {}
