package com.m365console.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's %wEx (the stack trace after a message), masked like messages: an exception's message can quote
 * what a request sent (registered in logback-spring.xml).
 */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return LogRedaction.redact(SecretValues.mask(super.throwableProxyToString(proxy)));
    }
}
