package com.m365console.settings;

import java.time.OffsetDateTime;

/** One audited change, as the GraphQL type {@code SettingChange}; {@code setting} is the GraphQL field name. */
record SettingChange(
        long id,
        String setting,
        SettingChangeAction action,
        String oldValue,
        String newValue,
        String changedBy,
        OffsetDateTime changedAt) {

    SettingChange withSetting(String newSetting) {
        return new SettingChange(id, newSetting, action, oldValue, newValue, changedBy, changedAt);
    }
}
