package com.m365console.mail;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * An IMAP folder that can tell whether its connection has read more than it handled: when a server sends news right
 * behind its "+ idling" (Dovecot does, for changes since the last command), Angus reads both into its buffer and
 * handles only the continuation, and the IDLE selector, which waits for new bytes on the socket, never sees the rest.
 */
final class BufferAwareImapFolder extends IMAPFolder {

    BufferAwareImapFolder(String fullName, char separator, IMAPStore store, Boolean isNamespace) {
        super(fullName, separator, store, isNamespace);
    }

    BufferAwareImapFolder(ListInfo info, IMAPStore store) {
        super(info, store);
    }

    /** Whether responses wait in the connection's buffer unread (false when the folder is closed). */
    boolean hasUnreadResponses() {
        IMAPProtocol current = protocol;
        return current != null && current.hasResponse();
    }
}
