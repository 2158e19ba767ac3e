package com.m365console.settings;

/** The new value of a text setting, or "Use Default" (schema input {@code StringSettingInput}). */
public record StringSettingInput(String value, Boolean useDefault) {
    boolean resets() {
        return Boolean.TRUE.equals(useDefault);
    }
}
