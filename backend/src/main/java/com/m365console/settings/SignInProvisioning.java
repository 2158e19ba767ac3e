package com.m365console.settings;

/** Whether a Microsoft identity without a local account may sign in (and get a new USER account). */
public enum SignInProvisioning {
    EXISTING_USERS_ONLY,
    CREATE_ON_FIRST_SIGN_IN
}
