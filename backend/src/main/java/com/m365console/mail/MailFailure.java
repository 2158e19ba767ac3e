package com.m365console.mail;

/**
 * Why talking to a mail server failed, for callers to branch on: TOKEN_REFUSED (the server answered the XOAUTH2
 * login with AUTHENTICATIONFAILED or 535: a renewed token may cure it), AUTHENTICATION_REFUSED (no XOAUTH2 or AUTH
 * offered at all: a configuration problem), or the connection and sending failures.
 */
public enum MailFailure {
    TOKEN_REFUSED,
    AUTHENTICATION_REFUSED,
    CONNECTION_FAILED,
    TIMEOUT,
    INVALID_ADDRESS,
    SEND_FAILED
}
