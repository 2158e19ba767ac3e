package com.m365console.settings;

/** The stored Microsoft settings: the row name in system_setting and the GraphQL field it belongs to. */
enum MicrosoftSetting {
    CLIENT_ID("microsoft.client_id", "clientId"),
    CLIENT_SECRET("microsoft.client_secret", "clientSecret"),
    TENANT("microsoft.tenant", "tenant"),
    CLOUD("microsoft.cloud", "cloud"),
    SIGN_IN_ENABLED("microsoft.sign_in_enabled", "signInEnabled"),
    EMAIL_SYNC_ENABLED("microsoft.email_sync_enabled", "emailSyncEnabled"),
    SIGN_IN_ALLOWED_DOMAINS("microsoft.sign_in_allowed_domains", "signInAllowedDomains"),
    SIGN_IN_PROVISIONING("microsoft.sign_in_provisioning", "signInProvisioning"),
    CREDENTIAL_TYPE("microsoft.credential_type", "credentialType"),
    /** The certificate credential's X.509 certificate in PEM; audited by thumbprint. */
    CERTIFICATE("microsoft.certificate", "certificate"),
    /** The certificate credential's private key, encrypted like the client secret; audited as replaced/cleared. */
    CERTIFICATE_KEY("microsoft.certificate_key", "certificateKey");

    static final String PREFIX = "microsoft.";

    private final String storedName;
    private final String field;

    MicrosoftSetting(String storedName, String field) {
        this.storedName = storedName;
        this.field = field;
    }

    String storedName() {
        return storedName;
    }

    String field() {
        return field;
    }

    static MicrosoftSetting byStoredName(String name) {
        for (MicrosoftSetting setting : values()) {
            if (setting.storedName.equals(name)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("Unknown setting " + name);
    }
}
