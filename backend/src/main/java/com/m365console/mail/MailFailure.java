package com.m365console.mail;

/** Why talking to a mail server failed, for callers to branch on (e.g. NEEDS_REAUTH vs. retry later). */
public enum MailFailure {
    AUTHENTICATION_REFUSED, CONNECTION_FAILED, TIMEOUT, INVALID_ADDRESS, SEND_FAILED
}
