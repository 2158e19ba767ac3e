package com.m365console.settings;

/** The new value of the provisioning setting, or "Use Default" (schema input {@code ProvisioningSettingInput}). */
public record ProvisioningSettingInput(SignInProvisioning value, Boolean useDefault) {
    boolean resets() {
        return Boolean.TRUE.equals(useDefault);
    }
}
