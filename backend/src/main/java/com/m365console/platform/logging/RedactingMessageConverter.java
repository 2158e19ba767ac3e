package com.m365console.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's %m, %msg and %message, with the secret values of recent requests ({@link SecretValues}) and then
 * secret-looking keys ({@link LogRedaction}) masked (registered in logback-spring.xml).
 */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.redact(SecretValues.mask(super.convert(event)));
    }
}
