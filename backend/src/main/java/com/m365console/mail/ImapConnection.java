package com.m365console.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.Status;

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

    /** One {@code STATUS}; empty when the server refuses it (no such folder: {@link #open} then says so). */
    @Override
    public Optional<FolderSummary> summary(String folder) {
        try {
            IMAPFolder closed = (IMAPFolder) store.getFolder(folder);
            Status status = (Status) closed.doCommandIgnoreFailure(protocol -> protocol.status(
                    closed.getFullName(), new String[] {"UIDVALIDITY", "UIDNEXT", "MESSAGES", "UNSEEN"}));
            if (status == null
                    || status.uidvalidity < 0
                    || status.uidnext < 0
                    || status.total < 0
                    || status.unseen < 0) {
                return Optional.empty();
            }
            return Optional.of(new FolderSummary(status.uidvalidity, status.uidnext, status.total, status.unseen));
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    @Override
    public void close() {
        ImapFolderReader.closeQuietly(store);
    }
}
