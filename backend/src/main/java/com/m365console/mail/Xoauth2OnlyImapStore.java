package com.m365console.mail;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * An IMAP store that never logs in without XOAUTH2: Angus Mail otherwise falls back to a plain LOGIN command,
 * sending the access token as a password, when the server does not advertise AUTH=XOAUTH2.
 */
final class Xoauth2OnlyImapStore extends IMAPStore {

    Xoauth2OnlyImapStore(Session session, MailEndpoint endpoint) {
        super(session, new URLName("imap", endpoint.host(), endpoint.port(), null, null, null));
    }

    @Override
    protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
        if (!protocol.hasCapability("AUTH=XOAUTH2")) {
            throw new Xoauth2NotOffered();
        }
    }

    @Override
    protected IMAPFolder newIMAPFolder(String fullName, char separator, Boolean isNamespace) {
        return new BufferAwareImapFolder(fullName, separator, this, isNamespace);
    }

    @Override
    protected IMAPFolder newIMAPFolder(ListInfo info) {
        return new BufferAwareImapFolder(info, this);
    }

    /** Raised before any credential is sent; Angus disconnects and wraps it in a MessagingException. */
    static final class Xoauth2NotOffered extends ProtocolException {

        private static final long serialVersionUID = 1L;

        Xoauth2NotOffered() {
            super("the server does not offer AUTH=XOAUTH2");
        }
    }
}
