package com.m365console.microsoft;

import java.io.Serializable;

/**
 * A failure reported by Microsoft, explained: the OAuth {@code error}, the AADSTS code when there is one,
 * a sentence saying what to do, Microsoft's own description, and the ids Microsoft support asks for.
 */
public record MicrosoftError(
        String error, String aadsts, String message, String microsoftDescription, String traceId, String correlationId)
        implements Serializable {

    /** A failure this app found itself, with nothing from Microsoft: its code and what to do. */
    public static MicrosoftError local(String error, String message) {
        return new MicrosoftError(error, null, message, null, null, null);
    }

    /** The same error with the ids Microsoft support asks for, as given beside the description. */
    public MicrosoftError withIds(String traceId, String correlationId) {
        return new MicrosoftError(error, aadsts, message, microsoftDescription, traceId, correlationId);
    }
}
