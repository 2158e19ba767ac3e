package com.m365console.settings;

import com.m365console.microsoft.MicrosoftError;
import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema type {@code TestMicrosoftConnectionPayload}. */
public record TestMicrosoftConnectionPayload(boolean ok, String message, MicrosoftError error, List<UserError> errors) {

    static TestMicrosoftConnectionPayload succeeded(MicrosoftCredentialType type) {
        return new TestMicrosoftConnectionPayload(
                true,
                "Microsoft accepted the Client ID and "
                        + (type == MicrosoftCredentialType.CERTIFICATE ? "the certificate" : "Client Secret")
                        + " for this tenant.",
                null,
                List.of());
    }

    static TestMicrosoftConnectionPayload refused(MicrosoftError error) {
        return new TestMicrosoftConnectionPayload(false, error.message(), error, List.of());
    }

    static TestMicrosoftConnectionPayload failed(String message, MicrosoftError error) {
        return new TestMicrosoftConnectionPayload(false, message, error, List.of());
    }

    static TestMicrosoftConnectionPayload rateLimited(UserError error) {
        return new TestMicrosoftConnectionPayload(false, error.message(), null, List.of(error));
    }
}
