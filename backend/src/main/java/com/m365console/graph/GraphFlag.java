package com.m365console.graph;

/** A message's follow-up flag as Graph reports it ({@code flag.flagStatus}). */
public enum GraphFlag {
    NOT_FLAGGED,
    FLAGGED,
    COMPLETE;

    static GraphFlag of(String flagStatus) {
        if ("flagged".equalsIgnoreCase(flagStatus)) {
            return FLAGGED;
        }
        return "complete".equalsIgnoreCase(flagStatus) ? COMPLETE : NOT_FLAGGED;
    }
}
