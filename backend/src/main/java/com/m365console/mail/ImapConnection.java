package com.m365console.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.imap.IMAPStore;

/** One XOAUTH2 login to an IMAP server whose folders are opened one after another on the same connection. */
public final class ImapConnection implements FolderConnection {

    private final IMAPStore store;
    private final MailEndpoint imap;
    private final MailFailureTranslator failures;
    private final int maxBodyBytes;

    private ImapConnection(IMAPStore store, MailEndpoint imap, MailFailureTranslator failures, int maxBodyBytes) {
        this.store = store;
        this.imap = imap;
        this.failures = failures;
        this.maxBodyBytes = maxBodyBytes;
    }

    static ImapConnection login(
            Session session, MailEndpoint imap, InternetAddress user, String accessToken, int maxBodyBytes) {
        MailFailureTranslator failures = new MailFailureTranslator("IMAP", imap, user.getAddress(), accessToken);
        return new ImapConnection(
                ImapFolderReader.login(session, imap, user, accessToken, failures), imap, failures, maxBodyBytes);
    }

    /** Opens the folder on this connection; closing the reader closes only the folder. */
    @Override
    public ImapFolderReader open(String folder) {
        return ImapFolderReader.openOn(store, false, imap, folder, failures, maxBodyBytes);
    }

    @Override
    public void close() {
        ImapFolderReader.closeQuietly(store);
    }
}
