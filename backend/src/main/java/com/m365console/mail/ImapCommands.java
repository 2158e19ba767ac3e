package com.m365console.mail;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/** UID SEARCH and UID FETCH on the folder's own connection, its unsolicited responses still reaching the folder. */
final class ImapCommands {

    private ImapCommands() {}

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

    /** The UIDs above {@code afterUid}, ascending, with one {@code UID SEARCH UID n:*} (which may add the last UID). */
    static long[] uidsAfter(IMAPFolder folder, long afterUid) throws MessagingException {
        List<Long> uids = new ArrayList<>();
        onFolderConnection(folder, protocol -> {
            Response[] responses = protocol.command("UID SEARCH UID " + (afterUid + 1) + ":*", null);
            for (Response response : responses) {
                if (response instanceof IMAPResponse untagged && untagged.keyEquals("SEARCH")) {
                    for (long uid = untagged.readLong(); uid != -1; uid = untagged.readLong()) {
                        uids.add(uid);
                    }
                }
            }
            notifyFolder(protocol, responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
        return uids.stream()
                .mapToLong(Long::longValue)
                .filter(uid -> uid > afterUid)
                .sorted()
                .distinct()
                .toArray();
    }

    /** What one UID FETCH brought back: the answers that carry a UID, and whether the server refused part of it. */
    record Fetched(List<FetchResponse> answers, boolean refused) {}

    /** Runs {@code UID FETCH uids (items)}; a refusal (NO, or BAD for an odd message) keeps what was answered. */
    static Fetched fetch(IMAPFolder folder, Collection<Long> uids, String items) throws MessagingException {
        List<FetchResponse> answers = new ArrayList<>();
        boolean complete = uidFetch(folder, uidSet(uids), items, true, answers::add);
        return new Fetched(answers, !complete);
    }

    /**
     * Runs one UID FETCH. When {@code partialIsFine}, a refusal (NO, or BAD for an odd message) keeps what the server
     * did answer (RFC 2180) and answers false; otherwise it fails, since a missing answer would read as a deleted
     * message. FETCH answers are the caller's; the folder sees the rest (EXISTS, EXPUNGE, ...).
     */
    private static boolean uidFetch(
            IMAPFolder folder, String uidSet, String items, boolean partialIsFine, Consumer<FetchResponse> each)
            throws MessagingException {
        boolean[] complete = {true};
        onFolderConnection(folder, protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uidSet + " (" + items + ")", null);
            for (Response response : responses) {
                if (response instanceof FetchResponse fetched && fetched.getItem(UID.class) != null) {
                    each.accept(fetched);
                }
            }
            notifyFolder(protocol, responses);
            try {
                protocol.handleResult(responses[responses.length - 1]);
            } catch (CommandFailedException | BadCommandException refused) {
                if (!partialIsFine) {
                    throw refused;
                }
                complete[0] = false;
            }
            return null;
        });
        return complete[0];
    }

    private static void notifyFolder(IMAPProtocol protocol, Response[] responses) {
        protocol.notifyResponseHandlers(Arrays.stream(responses)
                .filter(response -> !(response instanceof FetchResponse))
                .toArray(Response[]::new));
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
        long[] sorted =
                uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
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
