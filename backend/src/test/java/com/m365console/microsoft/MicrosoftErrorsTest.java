package com.m365console.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Microsoft's error texts become advice, with the AADSTS code and the ids support asks for. */
class MicrosoftErrorsTest {

    static final String DESCRIPTION = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in "
            + "the request is the client secret value, not the client secret ID. Trace ID: "
            + "0ba8ef26-f574-4567-8523-d530ed7cfe9a Correlation ID: 9ff38d2a-ab00-430d-a631-a2e1fa637958 "
            + "Timestamp: 2026-11-23 20:00:00Z";

    @Test
    void knownCodesGetOurAdviceAndKeepMicrosoftsWords() {
        MicrosoftError error = MicrosoftErrors.describe("invalid_client", DESCRIPTION);

        assertThat(error.aadsts()).isEqualTo("AADSTS7000215");
        assertThat(error.message()).isEqualTo("Invalid client secret: paste the secret value, not the secret ID.");
        assertThat(error.microsoftDescription())
                .startsWith("AADSTS7000215: Invalid client secret provided.")
                .doesNotContain("Trace ID");
        assertThat(error.traceId()).isEqualTo("0ba8ef26-f574-4567-8523-d530ed7cfe9a");
        assertThat(error.correlationId()).isEqualTo("9ff38d2a-ab00-430d-a631-a2e1fa637958");
    }

    @Test
    void everyCodeOfTheSpecTableHasAdvice() {
        for (String code : List.of(
                "50011", "700016", "7000215", "7000222", "65001", "90094", "65004", "50020", "500208", "50194",
                "700082", "70008", "50173", "53003", "50076")) {
            MicrosoftError error = MicrosoftErrors.describe("x", "AADSTS" + code + ": something. Trace ID: ");
            assertThat(error.message()).as(code).doesNotStartWith("AADSTS").doesNotContain("something");
        }
    }

    @Test
    void unknownCodesShowMicrosoftsOwnDescription() {
        MicrosoftError error = MicrosoftErrors.describe(
                "invalid_request",
                "AADSTS90002: Tenant 'nope' not found. Trace ID: 0ba8ef26-f574-4567-8523-d530ed7cfe9a");

        assertThat(error.message()).isEqualTo("AADSTS90002: Tenant 'nope' not found.");
        assertThat(error.aadsts()).isEqualTo("AADSTS90002");
    }

    @Test
    void theTokenEndpointsJsonFieldsAreUsed() {
        MicrosoftError error = MicrosoftErrors.describe(Map.of(
                "error",
                "invalid_client",
                "error_description",
                "AADSTS7000222: The provided client secret keys are expired.",
                "error_codes",
                List.of(7000222),
                "trace_id",
                "11111111-1111-1111-1111-111111111111",
                "correlation_id",
                "22222222-2222-2222-2222-222222222222"));

        assertThat(error.message()).contains("expired");
        assertThat(error.traceId()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(error.correlationId()).isEqualTo("22222222-2222-2222-2222-222222222222");
    }

    @Test
    void springSecuritysOwnErrorsAreExplainedToo() {
        assertThat(MicrosoftErrors.describe("authorization_request_not_found", null)
                        .message())
                .contains("start the sign-in again");
        assertThat(MicrosoftErrors.describe("something_new", null).message()).contains("something_new");
    }

    @Test
    void anErrorFoundHereClaimsNothingFromMicrosoft() {
        MicrosoftError error = MicrosoftError.local("mailbox_mismatch", "You signed in as the wrong account.");

        assertThat(error)
                .isEqualTo(new MicrosoftError(
                        "mailbox_mismatch", null, "You signed in as the wrong account.", null, null, null));
    }
}
