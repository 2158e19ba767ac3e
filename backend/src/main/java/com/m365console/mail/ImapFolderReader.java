package com.m365console.mail;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Reads one folder read-only (never marking mail seen) over an IMAP connection, its own or an {@link ImapConnection}'s
 * shared by the folders of one run; blocking, calls run one at a time.
 */
public final class ImapFolderReader implements FolderReader {

    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    private final IMAPStore store;
    /** Whether closing this reader logs out: false when an {@link ImapConnection} owns the login. */
    private final boolean ownsStore;

    private final IMAPFolder folder;
    private final MailFailureTranslator failures;
    private final MessageWindow window;
    private final boolean condstore;
    /** Set when the server announced new mail (EXISTS), in IDLE or in the answer to any other command. */
    private final AtomicBoolean newMail = new AtomicBoolean();
    /** Where IDLE waits without a thread; null for a reader that never idles. */
    private SharedIdle idle;
    /** Told about new mail and a closed connection, while {@link #watch(Runnable)} is in use. */
    private volatile Runnable onChange = () -> {};

    private ImapFolderReader(
            IMAPStore store,
            boolean ownsStore,
            IMAPFolder folder,
            boolean condstore,
            MailFailureTranslator failures,
            int maxBodyBytes) {
        this.store = store;
        this.ownsStore = ownsStore;
        this.folder = folder;
        this.condstore = condstore;
        this.failures = failures;
        this.window = new MessageWindow(new UidCursor(folder), new MessageBatch(folder, maxBodyBytes));
    }

    /**
     * Hears the server's responses as they are read (on the selector's thread while in IDLE): an EXISTS is new mail
     * (at worst one sync too many), a BYE (real or for a dropped connection) a closed connection. Jakarta Mail's own
     * events are queued instead, and its CLOSED event can be lost when its queue is shared and restarted.
     */
    private void listenForChanges() throws MessagingException {
        ImapCommands.onFolderConnection(folder, protocol -> {
            protocol.addResponseHandler(response -> {
                if (response instanceof IMAPResponse untagged && untagged.keyEquals("EXISTS")) {
                    newMail.set(true);
                    onChange.run();
                } else if (response.isBYE()) {
                    onChange.run();
                }
            });
            return null;
        });
    }

    /** Logs in with XOAUTH2 only (never plain LOGIN); opens the folder read-only, enabling CONDSTORE when offered. */
    static ImapFolderReader open(
            Session session,
            MailEndpoint imap,
            InternetAddress user,
            String accessToken,
            String folderName,
            int maxBodyBytes) {
        return open(session, null, imap, user, accessToken, folderName, maxBodyBytes);
    }

    /** As above, for a reader that waits in IDLE through {@code idle} (null: never), its session configured by it. */
    static ImapFolderReader open(
            Session session,
            SharedIdle idle,
            MailEndpoint imap,
            InternetAddress user,
            String accessToken,
            String folderName,
            int maxBodyBytes) {
        checkArguments(folderName, maxBodyBytes);
        MailFailureTranslator failures = new MailFailureTranslator("IMAP", imap, user.getAddress(), accessToken);
        IMAPStore store = login(session, imap, user, accessToken, failures);
        try {
            ImapFolderReader reader = openOn(store, true, imap, folderName, failures, maxBodyBytes);
            if (idle != null) {
                reader.idle = idle;
                reader.listenForChanges();
            }
            return reader;
        } catch (MessagingException e) {
            closeQuietly(store);
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /** Logs in with XOAUTH2 only; the caller owns the store and closes it. */
    static IMAPStore login(
            Session session,
            MailEndpoint imap,
            InternetAddress user,
            String accessToken,
            MailFailureTranslator failures) {
        IMAPStore store = new Xoauth2OnlyImapStore(session, imap);
        try {
            store.connect(imap.host(), imap.port(), user.getAddress(), accessToken);
            return store;
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(store);
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    /** Opens a folder read-only on a logged-in store, enabling CONDSTORE when offered; closes nothing on failure. */
    static ImapFolderReader openOn(
            IMAPStore store,
            boolean ownsStore,
            MailEndpoint imap,
            String folderName,
            MailFailureTranslator failures,
            int maxBodyBytes) {
        checkArguments(folderName, maxBodyBytes);
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
            boolean condstore = store.hasCapability("CONDSTORE");
            if (condstore && store.hasCapability("ENABLE")) {
                folder.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
            } else {
                folder.open(Folder.READ_ONLY);
            }
            return new ImapFolderReader(store, ownsStore, folder, condstore, failures, maxBodyBytes);
        } catch (FolderNotFoundException e) {
            throw new MailFolderNotFoundException("The folder \"" + folderName + "\" does not exist on the IMAP server "
                    + imap.hostAndPort() + " (renamed or deleted?).");
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    private static void checkArguments(String folderName, int maxBodyBytes) {
        if (folderName == null || folderName.isBlank()) {
            throw new IllegalArgumentException("folder name is required");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
    }

    @Override
    public synchronized FolderStatus status() {
        try {
            long highestModSeq = condstore ? folder.getHighestModSeq() : -1;
            return new FolderStatus(
                    folder.getUIDValidity(),
                    folder.getUIDNext(),
                    folder.getMessageCount(),
                    highestModSeq > 0 ? highestModSeq : null);
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    @Override
    public synchronized List<FetchedMessage> fetchAfter(long lastUid, int batchSize) {
        if (lastUid < 0 || batchSize < 1) {
            throw new IllegalArgumentException("lastUid must be >= 0 and batchSize >= 1");
        }
        try {
            return window.next(lastUid, batchSize);
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    /** With one FETCH. */
    @Override
    public synchronized Map<Long, Set<MessageFlag>> flags(long fromUid, long toUid) {
        long from = Math.max(fromUid, 1);
        long to = Math.min(toUid, UIDFolder.MAXUID);
        if (from > to) {
            return Map.of();
        }
        try {
            return ImapCommands.flags(folder, from, to);
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    /** Whether the server offers IDLE (RFC 2177), so {@link #watch(Runnable)} can wait for news without polling. */
    public synchronized boolean canIdle() {
        try {
            // On the folder's own connection: asking the store would open a second connection just for the store.
            return Boolean.TRUE.equals(folder.doCommand(protocol -> protocol.hasCapability("IDLE")));
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    /**
     * Starts IDLE and returns at once: the shared selector reads what the server says. {@code onChange} runs (on the
     * selector's thread: keep it short, never block) when the server announces new mail or the connection closes, and
     * at once (as new mail) when the server said something right behind its "+ idling" that only a command will read. Any
     * other call on this reader ends IDLE first ({@link #endIdle()} just does that); call watch again afterwards.
     */
    public synchronized void watch(Runnable onChange) {
        if (idle == null) {
            throw new IllegalStateException("this reader was not opened for IDLE");
        }
        this.onChange = onChange;
        try {
            idle.watch(folder);
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
        if (folder instanceof BufferAwareImapFolder aware && aware.hasUnreadResponses()) {
            newMail.set(true);
            onChange.run();
        }
    }

    /** Ends IDLE (a NOOP, which Angus Mail precedes with DONE) and fails when the connection is gone. */
    public synchronized void endIdle() {
        try {
            ImapCommands.onFolderConnection(folder, protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            throw failures.translate(e, MailFailure.CONNECTION_FAILED);
        }
    }

    /** Whether the server announced new mail since the last call (in IDLE or answering another command). */
    public boolean takeNewMail() {
        return newMail.getAndSet(false);
    }

    /** As {@link #takeNewMail()} without clearing it. */
    public boolean hasNewMail() {
        return newMail.get();
    }

    /**
     * Closes the folder, and logs out when the reader owns its login; safe twice and after a failure (then open a new
     * reader: this one is spent).
     */
    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // The connection is already gone; logging out below releases the rest.
        }
        if (ownsStore) {
            closeQuietly(store);
        }
    }

    static void closeQuietly(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Logging out is best effort.
        }
    }
}
