package com.m365console.platform.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (JSON) log lines masked like the pattern's: every text value (the message, the stack trace, MDC) goes
 * through the secret values of recent requests and the secret-looking keys. Named by
 * {@code logging.structured.json.customizer} in application.properties.
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(
                JsonWriter.ValueProcessor.of(String.class, value -> LogRedaction.redact(SecretValues.mask(value))));
    }
}
