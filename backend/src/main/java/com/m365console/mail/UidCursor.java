package com.m365console.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

/** Lists the messages after a checkpoint once ({@code UID FETCH n:* (UID)}) and serves the next batches from it. */
final class UidCursor {

    /** A message and its UID, as listed. */
    record Listed(long uid, IMAPMessage message) {
    }

    private final IMAPFolder folder;
    private long listedAfter = -1;
    private List<Listed> ahead = List.of();
    private int start;

    UidCursor(IMAPFolder folder) {
        this.folder = folder;
    }

    /** Up to {@code max} messages with a UID above {@code lastUid}, ascending; lists again once exhausted. */
    List<Listed> next(long lastUid, int max) throws MessagingException {
        boolean listed = false;
        if (listedAfter < 0 || lastUid < listedAfter) {
            list(lastUid);
            listed = true;
        }
        skipTo(lastUid);
        if (start >= ahead.size() && !listed) {
            noop();
            list(lastUid);
            skipTo(lastUid);
        }
        List<Listed> batch = new ArrayList<>(Math.min(max, ahead.size() - start));
        for (int i = start; i < ahead.size() && batch.size() < max; i++) {
            if (!ahead.get(i).message().isExpunged()) {
                batch.add(ahead.get(i));
            }
        }
        return batch;
    }

    /** "n:*" always includes the last message, even when its UID is below n: such a message is dropped here. */
    private void list(long lastUid) throws MessagingException {
        listedAfter = lastUid;
        start = 0;
        List<Listed> found = new ArrayList<>();
        if (lastUid < UIDFolder.MAXUID) {
            for (Message message : folder.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID)) {
                long uid = message == null ? -1 : folder.getUID(message);
                if (uid > lastUid) {
                    found.add(new Listed(uid, (IMAPMessage) message));
                }
            }
        }
        found.sort(Comparator.comparingLong(Listed::uid));
        ahead = found;
    }

    /** Lets the server announce new mail (EXISTS) first, or the folder would not know the new sequence numbers. */
    private void noop() throws MessagingException {
        ImapCommands.onFolderConnection(folder, protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
        });
    }

    private void skipTo(long lastUid) {
        while (start < ahead.size() && (ahead.get(start).uid() <= lastUid || ahead.get(start).message().isExpunged())) {
            start++;
        }
    }
}
