package com.m365console.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The JSON log format (LOGGING_STRUCTURED_FORMAT_CONSOLE) masks secrets as the plain one does. */
class StructuredLoggingTest {

    static final String CANARY = "CanaryValue-77-structured";

    final LoggerContext context = new LoggerContext();

    StructuredLoggingTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void forget() {
        SecretValues.forget();
    }

    @Test
    void ecsAndLogstashLinesAreJsonWithSecretsMaskedInTheMessageAndTheStackTrace() {
        context.putObject(
                Environment.class.getName(),
                new MockEnvironment()
                        .withProperty("spring.application.name", "m365-console")
                        .withProperty("logging.structured.json.customizer", RedactingJsonMembers.class.getName()));
        SecretValues.remember(List.of(CANARY));
        for (String format : new String[] {"ecs", "logstash"}) {
            String line = encode(format, "saving " + CANARY + ", client_secret=abc123, Authorization: Bearer eyJhbGc");

            assertThat(line)
                    .startsWith("{")
                    .contains("\"message\":\"saving [REDACTED], client_secret=[REDACTED], Authorization: Bearer "
                            + "[REDACTED]\"")
                    .contains("refused [REDACTED]")
                    .doesNotContain(CANARY)
                    .doesNotContain("abc123")
                    .doesNotContain("eyJhbGc");
        }
    }

    @Test
    void withoutAFormatTheConsoleKeepsSpringBootsPattern() {
        String line = encode("", "plain line");

        assertThat(line).isEqualTo("INFO plain line" + System.lineSeparator());
    }

    private String encode(String format, String message) {
        ConsoleEncoder encoder = new ConsoleEncoder();
        encoder.setContext(context);
        encoder.setStructuredFormat(format);
        encoder.setPattern("%level %m%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        LoggingEvent event = new LoggingEvent(
                "test",
                context.getLogger("test"),
                format.isEmpty() ? Level.INFO : Level.ERROR,
                message,
                format.isEmpty() ? null : new IllegalStateException("refused " + CANARY),
                null);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
