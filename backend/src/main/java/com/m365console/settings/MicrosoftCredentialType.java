package com.m365console.settings;

/** How the app proves it is the app registration to Microsoft (schema enum {@code MicrosoftCredentialType}). */
public enum MicrosoftCredentialType {
    CLIENT_SECRET,
    CERTIFICATE
}
