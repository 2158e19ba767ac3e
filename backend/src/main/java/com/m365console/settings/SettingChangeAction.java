package com.m365console.settings;

/** What happened to a setting; secrets are only ever "replaced" or "cleared". */
enum SettingChangeAction {
    SET,
    RESET_TO_DEFAULT,
    SECRET_REPLACED,
    SECRET_CLEARED
}
