package com.m365console.settings;

/** The new value of a yes/no setting, or "Use Default" (schema input {@code BooleanSettingInput}). */
public record BooleanSettingInput(Boolean value, Boolean useDefault) {
    boolean resets() {
        return Boolean.TRUE.equals(useDefault);
    }
}
