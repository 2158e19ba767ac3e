package com.m365console.settings;

import com.m365console.platform.crypto.EncryptedValue;
import java.time.OffsetDateTime;

/** One row of system_setting, with the name of the user who last wrote it. */
record StoredSetting(
        String name, String textValue, EncryptedValue secret, OffsetDateTime updatedAt, String updatedBy) {}
