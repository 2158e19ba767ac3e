package com.m365console.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages and stack traces both go through the masking, remembered values first, then secret-named keys. */
class RedactingConvertersTest {

    final LoggerContext context = new LoggerContext();

    @AfterEach
    void forget() {
        SecretValues.forget();
    }

    @Test
    void masksMessagesAndExceptionMessages() {
        SecretValues.remember(List.of("CanaryValue-42-long"));
        LoggingEvent event = new LoggingEvent(
                "test",
                context.getLogger("test"),
                Level.ERROR,
                "saving CanaryValue-42-long, token=abc123",
                new IllegalStateException("refused CanaryValue-42-long"),
                null);

        RedactingMessageConverter message = new RedactingMessageConverter();
        RedactingThrowableConverter throwable = new RedactingThrowableConverter();
        throwable.setContext(context);
        throwable.start();

        assertThat(message.convert(event)).isEqualTo("saving [REDACTED], token=[REDACTED]");
        assertThat(throwable.convert(event))
                .contains("IllegalStateException: refused [REDACTED]")
                .doesNotContain("CanaryValue-42-long");
    }
}
