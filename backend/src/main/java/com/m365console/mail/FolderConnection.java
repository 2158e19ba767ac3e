package com.m365console.mail;

import java.util.Optional;

/**
 * One logged-in connection to a mailbox's mail server, opening its folders one after another: a synchronisation
 * logs in once per run, not once per folder. Blocking; failures are {@link MailServerException}s.
 */
public interface FolderConnection extends AutoCloseable {

    /** Opens a folder read-only; fails with {@link MailFolderNotFoundException} when the server has no such folder. */
    FolderReader open(String folder);

    /**
     * The folder's STATUS (UIDVALIDITY, UIDNEXT, MESSAGES, UNSEEN) with one command, without opening it; empty when
     * the connection cannot tell (then open it).
     */
    default Optional<FolderSummary> summary(String folder) {
        return Optional.empty();
    }

    /** Logs out; safe twice and after a failure. */
    @Override
    void close();
}
