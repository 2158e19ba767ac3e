package com.m365console.mail;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/** UID FETCH commands on the folder's own connection, its unsolicited responses still reaching the folder. */
final class ImapCommands {

    private ImapCommands() {
    }

    /** UID to flags of every message in the range, with one {@code UID FETCH from:to (UID FLAGS)}. */
    static Map<Long, Set<MessageFlag>> flags(IMAPFolder folder, long fromUid, long toUid) throws MessagingException {
        Map<Long, Set<MessageFlag>> flags = new TreeMap<>();
        uidFetch(folder, fromUid + ":" + toUid, "UID FLAGS", false, response -> {
            UID uid = response.getItem(UID.class);
            FLAGS present = response.getItem(FLAGS.class);
            if (uid != null && present != null && uid.uid >= fromUid && uid.uid <= toUid) {
                flags.put(uid.uid, MessageFlag.of(present));
            }
        });
        return Collections.unmodifiableMap(flags);
    }

    /** UID to section (upper case) to octets for the given messages, fetching the same BODY.PEEK items of each. */
    static Map<Long, Map<String, byte[]>> bodies(IMAPFolder folder, Collection<Long> uids, String items)
            throws MessagingException {
        Map<Long, Map<String, byte[]>> bodies = new HashMap<>();
        Set<Long> wanted = new HashSet<>(uids);
        uidFetch(folder, uidSet(wanted), "UID " + items, true, response -> {
            UID uid = response.getItem(UID.class);
            if (uid == null || !wanted.contains(uid.uid)) {
                return;
            }
            for (int i = 0; i < response.getItemCount(); i++) {
                if (response.getItem(i) instanceof BODY body && !body.isHeader() && body.getByteArray() != null) {
                    ByteArray octets = body.getByteArray();
                    byte[] copy = Arrays.copyOfRange(octets.getBytes(), octets.getStart(),
                            octets.getStart() + octets.getCount());
                    bodies.computeIfAbsent(uid.uid, key -> new HashMap<>())
                            .put(MessageBatch.section(body.getSection()), copy);
                }
            }
        });
        return bodies;
    }

    /**
     * Runs one UID FETCH. When {@code partialIsFine}, a refusal (NO, or BAD for an odd message) keeps what the server
     * did answer (RFC 2180); otherwise it fails, since a missing answer would read as a deleted message.
     */
    private static void uidFetch(IMAPFolder folder, String uidSet, String items, boolean partialIsFine,
            Consumer<FetchResponse> each) throws MessagingException {
        onFolderConnection(folder, protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uidSet + " (" + items + ")", null);
            for (Response response : responses) {
                if (response instanceof FetchResponse fetched) {
                    each.accept(fetched);
                }
            }
            protocol.notifyResponseHandlers(responses);
            try {
                protocol.handleResult(responses[responses.length - 1]);
            } catch (CommandFailedException | BadCommandException refused) {
                if (!partialIsFine) {
                    throw refused;
                }
            }
            return null;
        });
    }

    /** Angus would run a command for a closed folder on a fresh, unselected store connection: refuse instead. */
    static void onFolderConnection(IMAPFolder folder, IMAPFolder.ProtocolCommand command) throws MessagingException {
        if (!folder.isOpen()) {
            throw new FolderClosedException(folder, "The connection to the IMAP server was lost.");
        }
        folder.doCommand(command);
    }

    /** Ascending UIDs as a compact IMAP set, e.g. {@code 3:5,9}. */
    static String uidSet(Collection<Long> uids) {
        long[] sorted = uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            int end = i;
            while (end + 1 < sorted.length && sorted[end + 1] == sorted[end] + 1) {
                end++;
            }
            set.append(set.isEmpty() ? "" : ",").append(sorted[i]);
            if (end > i) {
                set.append(':').append(sorted[end]);
            }
            i = end;
        }
        return set.toString();
    }
}
