package com.m365console.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secret values are masked in the shapes frameworks log them in; everything else is left alone. */
class LogRedactionTest {

    @Test
    void masksJsonValues() {
        assertThat(
                        LogRedaction.redact(
                                "Writing \"{\"input\":{\"clientSecret\":{\"replaceWith\":\"Abc8Q~x\\\"y\",\"clear\":false}}}\""))
                .isEqualTo(
                        "Writing \"{\"input\":{\"clientSecret\":{\"replaceWith\":\"[REDACTED]\",\"clear\":false}}}\"");
    }

    @Test
    void masksTruncatedJsonValues() {
        assertThat(LogRedaction.redact("{\"refresh_token\":\"0.AAAAbc (truncated)..."))
                .isEqualTo("{\"refresh_token\":\"[REDACTED]");
    }

    @Test
    void masksJavaMapValues() {
        assertThat(LogRedaction.redact("variables={input={clientSecret={replaceWith=Abc8Q~secret, clear=false}}}"))
                .isEqualTo("variables={input={clientSecret={replaceWith=[REDACTED], clear=false}}}");
        assertThat(LogRedaction.redact("username=alice&password=hunter2hunter2"))
                .isEqualTo("username=alice&password=[REDACTED]");
    }

    @Test
    void masksFormFieldListsAndAuthorizationEntries() {
        assertThat(LogRedaction.redact("Read form fields {username=[alice], password=[hunter2hunter2]}"))
                .isEqualTo("Read form fields {username=[alice], password=[[REDACTED]]}");
        assertThat(LogRedaction.redact("{password=[REDACTED]}")).isEqualTo("{password=[REDACTED]}");
        assertThat(LogRedaction.redact("payload={Authorization=Bearer m365_abc-DEF_123}"))
                .doesNotContain("m365_abc-DEF_123");
    }

    @Test
    void masksBearerTokensAndXoauth2Strings() {
        assertThat(LogRedaction.redact("user=a@contoso.com\u0001auth=Bearer eyJ0eXAi.abc-_x\u0001\u0001"))
                .isEqualTo("user=a@contoso.com\u0001auth=Bearer [REDACTED]\u0001\u0001");
    }

    @Test
    void leavesOrdinaryMessagesAlone() {
        String message = "Started M365ConsoleApplication in 4.1 seconds; tenant=contoso.onmicrosoft.com, codes=3";
        assertThat(LogRedaction.redact(message)).isSameAs(message);
    }
}
