package com.m365console.settings;

import com.m365console.microsoft.Cloud;

/** The new value of the Cloud setting, or "Use Default" (schema input {@code CloudSettingInput}). */
public record CloudSettingInput(Cloud value, Boolean useDefault) {
    boolean resets() {
        return Boolean.TRUE.equals(useDefault);
    }
}
