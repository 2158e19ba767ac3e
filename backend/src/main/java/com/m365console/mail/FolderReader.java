package com.m365console.mail;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mail folder as a synchronisation reads it, read-only; the seam between the sync rules and IMAP, so the rules
 * can be tested against an in-memory folder. Blocking; failures are {@link MailServerException}s.
 */
public interface FolderReader extends AutoCloseable {

    /** UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ as of opening; the message count as of now. */
    FolderStatus status();

    /** The next at most {@code batchSize} messages with a UID above {@code lastUid}, ascending; empty when none. */
    List<FetchedMessage> fetchAfter(long lastUid, int batchSize);

    /** UID to flags for every message in [fromUid, toUid]: a UID missing from it was expunged. */
    Map<Long, Set<MessageFlag>> flags(long fromUid, long toUid);

    /** Closes the folder; safe twice and after a failure. */
    @Override
    void close();
}
