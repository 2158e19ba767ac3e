package com.m365console.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.Item;
import org.eclipse.angus.mail.imap.protocol.UID;

/** A message filled from UID FETCH answers read here: decoded by Angus as usual, never kept in the folder's cache. */
final class DetachedMessage extends IMAPMessage {

    /** The headers the batch FETCH asks for besides the envelope. */
    static final String[] HEADERS = {"Message-ID", "In-Reply-To"};

    DetachedMessage(IMAPFolder folder, FetchResponse response) throws MessagingException {
        super(folder, response.getNumber());
        load(response);
    }

    /**
     * Adds the items of an answer (a server may split one message's items over several). Text bodies are the
     * caller's; the UID is too, since Angus would file this message in the folder's UID table.
     */
    void load(FetchResponse response) throws MessagingException {
        for (int i = 0; i < response.getItemCount(); i++) {
            Item item = response.getItem(i);
            boolean textBody = item instanceof BODY body && !body.isHeader();
            boolean allHeaders = item instanceof BODY body && "HEADER".equalsIgnoreCase(body.getSection());
            if (!textBody && !(item instanceof UID)) {
                handleFetchItem(item, HEADERS, allHeaders);
            }
        }
    }
}
