package com.m365console.microsoft;

import java.io.Serializable;

/**
 * A failure reported by Microsoft, explained: the OAuth {@code error}, the AADSTS code when there is one,
 * a sentence saying what to do, Microsoft's own description, and the ids Microsoft support asks for.
 */
public record MicrosoftError(String error, String aadsts, String message, String microsoftDescription,
        String traceId, String correlationId) implements Serializable {
}
