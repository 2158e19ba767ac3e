package com.m365console.testsupport.microsoft.graph;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Exchange Online mailbox behind the fake Graph: its folder tree (the default folders with their well-known
 * names, plus any a test adds) and its messages, which a test seeds and changes as a user or a mail flow would.
 * Every change is numbered, so a delta round can tell what happened since its token was issued.
 */
public final class FakeMailbox {

    /** The well-known names Graph resolves in {@code /mailFolders/{name}}, with the folders' English names. */
    static final Map<String, String> DEFAULT_FOLDERS = defaults();

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Told of each change to a message as it happens, under the mailbox's lock: change notifications start here. */
    interface ChangeListener {
        void changed(FakeMailbox mailbox, String messageId, String folderId, String changeType);
    }

    /** A numbered change to one message, in the folder it touched (a move touches both). */
    record Change(long sequence, String messageId, String folderId) {}

    private final String address;
    private final Map<String, StoredFolder> folders = new LinkedHashMap<>();
    private final Map<String, StoredMessage> messages = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> delegates = ConcurrentHashMap.newKeySet();
    private final Set<String> sendAs = ConcurrentHashMap.newKeySet();
    private volatile boolean restEnabled = true;
    private volatile ChangeListener listener = (mailbox, messageId, folderId, changeType) -> {};
    private long sequence;
    private Runnable beforeNextDelta;

    FakeMailbox(String address) {
        this.address = address;
        String root = newId("AQMkAD");
        folders.put(root, new StoredFolder(root, newId("AQMkAD"), "Top of Information Store", "msgfolderroot", false));
        DEFAULT_FOLDERS.forEach((name, displayName) -> {
            String id = newId("AQMkAD");
            folders.put(id, new StoredFolder(id, root, displayName, name, false));
        });
    }

    public String address() {
        return address;
    }

    /** The id of a default folder by its well-known name ({@code inbox}, {@code sentitems}, ...), or of a folder by id. */
    public synchronized String folderId(String wellKnownNameOrId) {
        return folder(wellKnownNameOrId)
                .orElseThrow(() -> new IllegalArgumentException("No folder " + wellKnownNameOrId))
                .id();
    }

    public synchronized String addFolder(String parentId, String displayName) {
        return addFolder(parentId, displayName, false);
    }

    public synchronized String addFolder(String parentId, String displayName, boolean hidden) {
        if (!folders.containsKey(parentId)) {
            throw new IllegalArgumentException("No folder " + parentId);
        }
        String id = newId("AAMkAD");
        folders.put(id, new StoredFolder(id, parentId, displayName, null, hidden));
        return id;
    }

    /**
     * Deletes a folder the user made, with its subfolders and their messages, for good (as deleting it and emptying
     * Deleted Items would): Graph then answers 404 ErrorItemNotFound for it, on its delta too.
     */
    public synchronized void deleteFolder(String folderId) {
        StoredFolder folder = folders.get(folderId);
        if (folder == null || folder.wellKnownName() != null) {
            throw new IllegalArgumentException("No folder of the user's own " + folderId);
        }
        List<String> gone = new ArrayList<>(List.of(folderId));
        for (int i = 0; i < gone.size(); i++) {
            String parent = gone.get(i);
            folders.values().stream().filter(f -> parent.equals(f.parentId())).forEach(f -> gone.add(f.id()));
        }
        messages.values().removeIf(m -> gone.contains(m.folderId()));
        gone.forEach(folders::remove);
    }

    /**
     * Runs {@code change} once, when the next delta request on this mailbox arrives and before it is answered: a
     * change made while a client is between reading the folder tree and a folder's delta (a user deleting a folder).
     */
    public synchronized void beforeNextDelta(Runnable change) {
        beforeNextDelta = change;
    }

    /** Delivers a message into the folder; returns its Graph id. */
    public synchronized String add(String folderId, SeedMessage seed) {
        if (!folders.containsKey(folderId)) {
            throw new IllegalArgumentException("No folder " + folderId);
        }
        String id = newId("AAMkAD");
        String messageId = seed.internetMessageId() != null
                ? seed.internetMessageId()
                : "<" + newId("").replaceAll("[^A-Za-z0-9]", "") + "@" + address.substring(address.indexOf('@') + 1)
                        + ">";
        Instant now = Instant.now();
        messages.put(id, new StoredMessage(id, folderId, seed, messageId, newId("AAQkAD"), newId("CQAAAB"), now, now));
        record(id, folderId, "created");
        return id;
    }

    /** Deletes the message for good (as emptying Deleted Items would). */
    public synchronized void delete(String messageId) {
        StoredMessage gone = existing(messageId);
        messages.remove(messageId);
        record(messageId, gone.folderId(), "deleted");
    }

    public synchronized void markRead(String messageId, boolean read) {
        StoredMessage message = existing(messageId);
        SeedMessage seed = message.seed().read(read);
        messages.put(messageId, message.changed(seed, message.folderId(), newId("CQAAAB")));
        record(messageId, message.folderId(), "updated");
    }

    /** {@code notFlagged}, {@code flagged} or {@code complete}. */
    public synchronized void flag(String messageId, String flagStatus) {
        StoredMessage message = existing(messageId);
        SeedMessage seed = message.seed().flag(flagStatus);
        messages.put(messageId, message.changed(seed, message.folderId(), newId("CQAAAB")));
        record(messageId, message.folderId(), "updated");
    }

    public synchronized void move(String messageId, String folderId) {
        StoredMessage message = existing(messageId);
        messages.put(messageId, message.changed(message.seed(), folderId, newId("CQAAAB")));
        record(messageId, message.folderId(), "deleted");
        record(messageId, folderId, "created");
    }

    /** Lets another account open this mailbox with its own delegated token (Full Access, as for a shared mailbox). */
    public void allowDelegate(String email) {
        delegates.add(email.toLowerCase(Locale.ROOT));
    }

    /** Gives another account the Send As right on this mailbox, which sending from it through Graph needs. */
    public void allowSendAs(String email) {
        sendAs.add(email.toLowerCase(Locale.ROOT));
    }

    /** From now on Graph answers MailboxNotEnabledForRESTAPI for this mailbox (inactive, soft-deleted, on-premises). */
    public void disableRest() {
        restEnabled = false;
    }

    /** Graph serves this mailbox again (licence restored). */
    public void enableRest() {
        restEnabled = true;
    }

    /** The ids of the messages now in the folder, in delivery order. */
    public synchronized List<String> messageIds(String folderId) {
        return messages.values().stream()
                .filter(m -> m.folderId().equals(folderId))
                .map(StoredMessage::id)
                .toList();
    }

    boolean sendAs(String email) {
        return email != null && sendAs.contains(email.toLowerCase(Locale.ROOT));
    }

    boolean restEnabled() {
        return restEnabled;
    }

    boolean delegate(String email) {
        return email != null && delegates.contains(email.toLowerCase(Locale.ROOT));
    }

    /** The change {@link #beforeNextDelta} scheduled, made now, once. */
    void deltaRequested() {
        Runnable change;
        synchronized (this) {
            change = beforeNextDelta;
            beforeNextDelta = null;
        }
        if (change != null) {
            change.run();
        }
    }

    synchronized long sequence() {
        return sequence;
    }

    synchronized List<StoredFolder> folders() {
        return List.copyOf(folders.values());
    }

    synchronized Optional<StoredFolder> folder(String idOrWellKnownName) {
        StoredFolder byId = folders.get(idOrWellKnownName);
        if (byId != null) {
            return Optional.of(byId);
        }
        return folders.values().stream()
                .filter(f -> idOrWellKnownName.equalsIgnoreCase(f.wellKnownName()))
                .findFirst();
    }

    synchronized Optional<StoredMessage> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    synchronized List<StoredMessage> messagesIn(String folderId) {
        return messages.values().stream()
                .filter(m -> m.folderId().equals(folderId))
                .toList();
    }

    /** The ids of the messages changed in the folder after the given change number, each once, last change last. */
    synchronized List<String> changedSince(String folderId, long after) {
        LinkedHashMap<String, Boolean> ids = new LinkedHashMap<>();
        changes.stream()
                .filter(c -> c.sequence() > after && c.folderId().equals(folderId))
                .forEach(c -> {
                    ids.remove(c.messageId());
                    ids.put(c.messageId(), true);
                });
        return List.copyOf(ids.keySet());
    }

    private StoredMessage existing(String messageId) {
        StoredMessage message = messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("No message " + messageId);
        }
        return message;
    }

    private void record(String messageId, String folderId, String changeType) {
        changes.add(new Change(++sequence, messageId, folderId));
        listener.changed(this, messageId, folderId, changeType);
    }

    void listen(ChangeListener listener) {
        this.listener = listener;
    }

    /** An Exchange-looking id: base64url with padding, so clients must not assume letters and digits only. */
    static String newId(String prefix) {
        byte[] bytes = new byte[33];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().encodeToString(bytes).substring(0, 40) + "AAA=";
    }

    private static Map<String, String> defaults() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("archive", "Archive");
        names.put("deleteditems", "Deleted Items");
        names.put("drafts", "Drafts");
        names.put("inbox", "Inbox");
        names.put("junkemail", "Junk Email");
        names.put("outbox", "Outbox");
        names.put("sentitems", "Sent Items");
        return java.util.Collections.unmodifiableMap(names);
    }
}
