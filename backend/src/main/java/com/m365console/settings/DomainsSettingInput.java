package com.m365console.settings;

import java.util.List;

/** The new value of the allowed domains setting, or "Use Default" (schema input {@code DomainsSettingInput}). */
public record DomainsSettingInput(List<String> value, Boolean useDefault) {
    boolean resets() {
        return Boolean.TRUE.equals(useDefault);
    }
}
