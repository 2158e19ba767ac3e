package com.m365console.settings;

/**
 * The effective Microsoft Settings together with the credential in use, decrypted, read at once for talking to
 * Microsoft: the client secret (null when none is set) or the certificate (null when none is stored), as the
 * settings' credential type says. Neither ever appears in {@link #toString()}.
 */
public record MicrosoftCredentials(MicrosoftSettings settings, String clientSecret, ClientCertificate certificate) {

    public MicrosoftCredentialType type() {
        return settings.credentialType();
    }

    /** True when the chosen credential is there: the app can authenticate to Microsoft. */
    public boolean usable() {
        return type() == MicrosoftCredentialType.CERTIFICATE ? certificate != null : clientSecret != null;
    }

    /** The certificate, when it is the credential in use; else null. */
    public ClientCertificate certificateInUse() {
        return type() == MicrosoftCredentialType.CERTIFICATE ? certificate : null;
    }

    /**
     * Names the credential in use without any secret: kind, client ID and when the secret was saved (or the
     * certificate's thumbprint). Another secret or certificate gets another name.
     */
    public String tag() {
        String which = type() == MicrosoftCredentialType.CERTIFICATE
                ? (certificate == null ? "none" : certificate.thumbprint())
                : switch (settings.clientSecret().source()) {
                    case STORED ->
                        "stored@" + settings.clientSecret().setAt().toInstant().toEpochMilli();
                    case DEFAULT -> "default";
                    case NONE -> "none";
                };
        return type() + ":" + settings.clientId().value() + ":" + which;
    }

    @Override
    public String toString() {
        return "MicrosoftCredentials[settings=" + settings + ", clientSecret="
                + (clientSecret != null ? "[set]" : "none") + ", certificate=" + certificate + "]";
    }
}
