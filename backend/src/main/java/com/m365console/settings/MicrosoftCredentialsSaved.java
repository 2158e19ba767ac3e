package com.m365console.settings;

/** Published once a save of Microsoft Settings committed: the credential in use may be another one now. */
record MicrosoftCredentialsSaved() {}
