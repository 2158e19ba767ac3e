package com.m365console.settings;

/** A secret setting replaced with a new value, or cleared (schema input {@code SecretSettingInput}). */
public record SecretSettingInput(String replaceWith, Boolean clear) {
    boolean clears() {
        return Boolean.TRUE.equals(clear);
    }
}
