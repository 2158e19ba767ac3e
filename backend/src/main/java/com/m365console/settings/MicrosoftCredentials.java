package com.m365console.settings;

/**
 * The effective Microsoft Settings together with the decrypted client secret in use (null when none is set),
 * read at once for talking to Microsoft. The secret never appears in {@link #toString()}.
 */
public record MicrosoftCredentials(MicrosoftSettings settings, String clientSecret) {

    public boolean hasSecret() {
        return clientSecret != null;
    }

    @Override
    public String toString() {
        return "MicrosoftCredentials[settings=" + settings + ", clientSecret=" + (hasSecret() ? "[set]" : "none") + "]";
    }
}
