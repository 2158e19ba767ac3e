package com.m365console.settings;

/** Schema input for {@code updateMicrosoftSettings}; a null field means "leave as it is". */
public record UpdateMicrosoftSettingsInput(
        StringSettingInput clientId,
        SecretSettingInput clientSecret,
        StringSettingInput tenant,
        CloudSettingInput cloud,
        BooleanSettingInput signInEnabled,
        BooleanSettingInput emailSyncEnabled,
        DomainsSettingInput signInAllowedDomains,
        ProvisioningSettingInput signInProvisioning,
        MicrosoftCredentialType credentialType,
        Boolean clearCertificate) {}
