package com.m365console.mail;

/** How a connection to a mail server is protected: TLS from the first byte, STARTTLS, or not at all (tests). */
public enum MailSecurity {
    SSL,
    STARTTLS,
    NONE
}
