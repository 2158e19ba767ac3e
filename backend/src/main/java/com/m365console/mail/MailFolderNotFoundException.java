package com.m365console.mail;

/** The folder to synchronise no longer exists on the IMAP server (deleted or renamed): retrying will not help. */
public class MailFolderNotFoundException extends MailServerException {

    public MailFolderNotFoundException(String message) {
        super(MailFailure.CONNECTION_FAILED, message);
    }
}
