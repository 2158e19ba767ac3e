package com.m365console.settings;

import java.util.List;

import com.m365console.microsoft.Cloud;

/** Schema input for {@code updateMicrosoftSettings}; a null field means "leave as it is". */
public record UpdateMicrosoftSettingsInput(StringSettingInput clientId, SecretSettingInput clientSecret,
        StringSettingInput tenant, CloudSettingInput cloud, BooleanSettingInput signInEnabled,
        BooleanSettingInput emailSyncEnabled, DomainsSettingInput signInAllowedDomains,
        ProvisioningSettingInput signInProvisioning) {

    public record StringSettingInput(String value, Boolean useDefault) {
        boolean resets() {
            return Boolean.TRUE.equals(useDefault);
        }
    }

    public record BooleanSettingInput(Boolean value, Boolean useDefault) {
        boolean resets() {
            return Boolean.TRUE.equals(useDefault);
        }
    }

    public record CloudSettingInput(Cloud value, Boolean useDefault) {
        boolean resets() {
            return Boolean.TRUE.equals(useDefault);
        }
    }

    public record DomainsSettingInput(List<String> value, Boolean useDefault) {
        boolean resets() {
            return Boolean.TRUE.equals(useDefault);
        }
    }

    public record ProvisioningSettingInput(SignInProvisioning value, Boolean useDefault) {
        boolean resets() {
            return Boolean.TRUE.equals(useDefault);
        }
    }

    public record SecretSettingInput(String replaceWith, Boolean clear) {
        boolean clears() {
            return Boolean.TRUE.equals(clear);
        }
    }
}
