package com.m365console.settings;

import com.m365console.microsoft.Cloud;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The effective Microsoft Settings as the GraphQL type {@code MicrosoftSettings} shows them
 * (the Redirect URI is resolved per request by the controller).
 */
public record MicrosoftSettings(
        StringSetting clientId,
        SecretSetting clientSecret,
        StringSetting tenant,
        CloudSetting cloud,
        BooleanSetting signInEnabled,
        BooleanSetting emailSyncEnabled,
        DomainsSetting signInAllowedDomains,
        ProvisioningSetting signInProvisioning,
        MicrosoftCredentialType credentialType,
        CertificateSetting certificate) {

    /** True when the application registration is complete enough to talk to Microsoft with the chosen credential. */
    public boolean credentialsComplete() {
        boolean credential =
                credentialType == MicrosoftCredentialType.CERTIFICATE ? certificate != null : clientSecret.isSet();
        return clientId.value() != null && credential && tenant.value() != null;
    }

    public record StringSetting(String value, boolean useDefault, String defaultValue) {}

    public record BooleanSetting(boolean value, boolean useDefault, boolean defaultValue) {}

    public record CloudSetting(Cloud value, boolean useDefault, Cloud defaultValue) {}

    /** E-mail domains allowed to sign in with Microsoft 365; empty means any domain of the tenant. */
    public record DomainsSetting(List<String> value, boolean useDefault, List<String> defaultValue) {}

    public record ProvisioningSetting(SignInProvisioning value, boolean useDefault, SignInProvisioning defaultValue) {}

    public record SecretSetting(boolean isSet, SecretSource source, OffsetDateTime setAt, String setBy) {}

    /** The public part of the stored certificate credential (schema type {@code MicrosoftCertificate}). */
    public record CertificateSetting(
            String thumbprint,
            String subject,
            OffsetDateTime notBefore,
            OffsetDateTime notAfter,
            String pem,
            OffsetDateTime setAt,
            String setBy) {}

    public enum SecretSource {
        STORED,
        DEFAULT,
        NONE
    }
}
