package com.m365console.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.util.Arrays;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** Lists the UIDs after a checkpoint once ({@code UID SEARCH UID n:*}) and serves the next ones from that list. */
final class UidCursor {

    private final IMAPFolder folder;
    private long listedAfter = -1;
    private long[] ahead = new long[0];

    UidCursor(IMAPFolder folder) {
        this.folder = folder;
    }

    /**
     * Up to {@code max} listed UIDs above {@code lastUid}, ascending; lists again once exhausted (new mail). A UID
     * expunged since the listing may still be served: the UID FETCH that follows simply does not answer for it.
     */
    long[] next(long lastUid, int max) throws MessagingException {
        boolean listed = false;
        if (listedAfter < 0 || lastUid < listedAfter) {
            list(lastUid);
            listed = true;
        }
        int start = firstAfter(lastUid);
        if (start >= ahead.length && !listed) {
            list(lastUid);
            start = firstAfter(lastUid);
        }
        return Arrays.copyOfRange(ahead, start, Math.min(ahead.length, start + max));
    }

    private void list(long lastUid) throws MessagingException {
        listedAfter = lastUid;
        ahead = lastUid < UIDFolder.MAXUID ? ImapCommands.uidsAfter(folder, lastUid) : new long[0];
    }

    private int firstAfter(long lastUid) {
        int found = Arrays.binarySearch(ahead, lastUid);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
