package com.m365console.mail;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/** Reads messages in few commands: structures first, then one FETCH per run of messages sharing text sections. */
final class MessageBatch {

    /** What a window's structures are listed with (a single-part body's size is the message's). */
    static final String STRUCTURE_ITEMS = "UID RFC822.SIZE BODYSTRUCTURE";

    /** What every message is read with, besides its text bodies. */
    static final String ENVELOPE_ITEMS =
            "UID FLAGS ENVELOPE INTERNALDATE RFC822.SIZE " + "BODY.PEEK[HEADER.FIELDS (Message-ID In-Reply-To)]";

    /** For a message left unanswered (Angus skips an answer it cannot parse): the raw header instead of ENVELOPE. */
    private static final String FALLBACK_ITEMS = "UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER]";

    /** Caps what one body FETCH may bring back at once; a chunk of huge messages takes several commands. */
    private static final long FETCH_BUDGET = 8L << 20;

    private final IMAPFolder folder;
    private final int maxBodyBytes;

    MessageBatch(IMAPFolder folder, int maxBodyBytes) {
        this.folder = folder;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Each listed UID's structure, ascending; UNKNOWN where none came back (expunged or unreadable: read decides). */
    SortedMap<Long, MessageStructure> structures(long[] uids) throws MessagingException {
        Set<Long> wanted = LongStream.of(uids).boxed().collect(Collectors.toSet());
        SortedMap<Long, MessageStructure> structures = new TreeMap<>();
        for (FetchResponse answer :
                ImapCommands.fetch(folder, wanted, STRUCTURE_ITEMS).answers()) {
            long uid = answer.getItem(UID.class).uid;
            if (wanted.contains(uid)) {
                structures.put(
                        uid,
                        Lenient.or(
                                () -> MessageStructure.of(new DetachedMessage(folder, answer)),
                                MessageStructure.UNKNOWN));
            }
        }
        wanted.forEach(uid -> structures.putIfAbsent(uid, MessageStructure.UNKNOWN));
        return structures;
    }

    /**
     * The given messages the server still has, ascending: one UID FETCH of envelope, flags, size, headers and text
     * bodies (never attachments) per run of at most {@code maxMessages} messages sharing the same text sections.
     */
    List<FetchedMessage> read(SortedMap<Long, MessageStructure> structures, int maxMessages) throws MessagingException {
        Map<List<String>, Layout> layouts = new LinkedHashMap<>();
        structures.forEach((uid, structure) -> {
            List<MessageStructure.TextPart> parts = textParts(structure);
            List<String> sections =
                    parts.stream().map(part -> section(part.section())).toList();
            layouts.computeIfAbsent(sections, Layout::new).add(uid, parts);
        });
        SortedMap<Long, FetchedMessage> read = new TreeMap<>();
        for (Layout layout : layouts.values()) {
            for (List<Long> chunk : layout.chunks(maxMessages)) {
                readChunk(chunk, layout.items(), structures, read);
            }
        }
        return new ArrayList<>(read.values());
    }

    /** Messages left unanswered are asked for alone: expunged ones stay unanswered, refused ones are kept bare. */
    private void readChunk(
            List<Long> chunk, String bodyItems, Map<Long, MessageStructure> structures, Map<Long, FetchedMessage> into)
            throws MessagingException {
        Answers answers = new Answers(chunk);
        answers.addAll(ImapCommands.fetch(folder, chunk, ENVELOPE_ITEMS + bodyItems));
        for (long uid : chunk) {
            MessageStructure structure = structures.get(uid);
            if (answers.messages.containsKey(uid)) {
                answers.read(uid, structure, into);
                continue;
            }
            Answers alone = new Answers(List.of(uid));
            boolean refused = alone.addAll(ImapCommands.fetch(folder, List.of(uid), FALLBACK_ITEMS + bodyItems));
            if (alone.messages.containsKey(uid)) {
                alone.read(uid, structure, into);
            } else if (refused) {
                into.put(uid, FetchedMessage.unreadable(uid, structure.attachments()));
            }
        }
    }

    /** The answers of one FETCH for the wanted UIDs: a message per UID and its text bodies by section. */
    private final class Answers {

        private final Set<Long> wanted;
        private final Map<Long, DetachedMessage> messages = new HashMap<>();
        private final Map<Long, Map<String, byte[]>> bodies = new HashMap<>();

        Answers(List<Long> wanted) {
            this.wanted = Set.copyOf(wanted);
        }

        /** Answers whether the server refused part of the FETCH. */
        boolean addAll(ImapCommands.Fetched fetched) throws MessagingException {
            for (FetchResponse answer : fetched.answers()) {
                long uid = answer.getItem(UID.class).uid;
                if (wanted.contains(uid)) {
                    add(uid, answer);
                }
            }
            return fetched.refused();
        }

        private void add(long uid, FetchResponse answer) throws MessagingException {
            DetachedMessage message = messages.get(uid);
            if (message == null) {
                messages.put(uid, new DetachedMessage(folder, answer));
            } else {
                message.load(answer);
            }
            for (int i = 0; i < answer.getItemCount(); i++) {
                if (answer.getItem(i) instanceof BODY body && !body.isHeader() && body.getByteArray() != null) {
                    ByteArray octets = body.getByteArray();
                    bodies.computeIfAbsent(uid, key -> new HashMap<>())
                            .put(
                                    section(body.getSection()),
                                    Arrays.copyOfRange(
                                            octets.getBytes(),
                                            octets.getStart(),
                                            octets.getStart() + octets.getCount()));
                }
            }
        }

        void read(long uid, MessageStructure structure, Map<Long, FetchedMessage> into) throws MessagingException {
            DetachedMessage message = messages.get(uid);
            if (message != null) {
                into.put(
                        uid,
                        MessageReader.read(message, uid, structure, bodies.getOrDefault(uid, Map.of()), maxBodyBytes));
            }
        }
    }

    /** The messages sharing the same text-body sections, with the octets each may bring back. */
    private final class Layout {

        private final List<String> sections;
        private final int[] limits;
        private final Map<Long, Long> costs = new LinkedHashMap<>();

        Layout(List<String> sections) {
            this.sections = sections;
            this.limits = new int[sections.size()];
        }

        void add(long uid, List<MessageStructure.TextPart> parts) {
            long cost = 0;
            for (int i = 0; i < limits.length; i++) {
                int limit = limit(parts.get(i)) + 1;
                limits[i] = Math.max(limits[i], limit);
                cost += Math.min(parts.get(i).size(), limit);
            }
            costs.put(uid, cost);
        }

        /** Runs of at most {@code maxMessages} messages and {@link #FETCH_BUDGET} octets, ascending. */
        List<List<Long>> chunks(int maxMessages) {
            List<List<Long>> chunks = new ArrayList<>();
            List<Long> chunk = new ArrayList<>();
            long cost = 0;
            for (Map.Entry<Long, Long> message : costs.entrySet()) {
                if (!chunk.isEmpty() && (chunk.size() >= maxMessages || cost + message.getValue() > FETCH_BUDGET)) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                    cost = 0;
                }
                chunk.add(message.getKey());
                cost += message.getValue();
            }
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            return chunks;
        }

        /** The body items to add to {@link #ENVELOPE_ITEMS}, each with a leading space. */
        String items() {
            return IntStream.range(0, limits.length)
                    .mapToObj(i -> " BODY.PEEK[" + sections.get(i) + "]<0." + limits[i] + ">")
                    .collect(Collectors.joining());
        }
    }

    /** The octets reading a message's text bodies may bring back, from its structure (an upper bound). */
    long cost(MessageStructure structure) {
        return textParts(structure).stream()
                .mapToLong(part -> Math.min(part.size(), limit(part) + 1L))
                .sum();
    }

    int limit(MessageStructure.TextPart part) {
        return BodyDecoder.fetchLimit(part.encoding(), maxBodyBytes);
    }

    static String section(String section) {
        return section.toUpperCase(Locale.ROOT);
    }

    static List<MessageStructure.TextPart> textParts(MessageStructure structure) {
        return Stream.of(structure.text(), structure.html())
                .filter(part -> part != null)
                .toList();
    }
}
