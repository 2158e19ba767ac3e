package com.m365console.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;

/** One batch: a single FETCH of envelopes, flags, UIDs, structures and ids, then bodies per layout. */
final class MessageBatch {

    /** Caps what one body FETCH may bring back at once; a batch of huge messages takes several commands. */
    private static final long FETCH_BUDGET = 8L << 20;

    private final IMAPFolder folder;
    private final int maxBodyBytes;

    MessageBatch(IMAPFolder folder, int maxBodyBytes) {
        this.folder = folder;
        this.maxBodyBytes = maxBodyBytes;
    }

    static FetchProfile profile() {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add("Message-ID");
        profile.add("In-Reply-To");
        return profile;
    }

    List<FetchedMessage> read(List<UidCursor.Listed> batch) throws MessagingException {
        folder.fetch(batch.stream().map(UidCursor.Listed::message).toArray(Message[]::new), profile());
        Map<Long, MessageStructure> structures = new LinkedHashMap<>();
        for (UidCursor.Listed listed : batch) {
            if (!listed.message().isExpunged()) {
                structures.put(listed.uid(),
                        Lenient.or(() -> MessageStructure.of(listed.message()), MessageStructure.UNKNOWN));
            }
        }
        Map<Long, Map<String, byte[]>> bodies = fetchBodies(structures);
        List<FetchedMessage> messages = new ArrayList<>(structures.size());
        for (UidCursor.Listed listed : batch) {
            MessageStructure structure = structures.get(listed.uid());
            if (structure != null && !listed.message().isExpunged()) {
                messages.add(MessageReader.read(listed.message(), listed.uid(), structure,
                        bodies.getOrDefault(listed.uid(), Map.of()), maxBodyBytes));
            }
        }
        return messages;
    }

    /** Messages whose text bodies sit at the same sections share one FETCH, asking for the largest limit. */
    private Map<Long, Map<String, byte[]>> fetchBodies(Map<Long, MessageStructure> structures)
            throws MessagingException {
        Map<List<String>, Layout> layouts = new LinkedHashMap<>();
        structures.forEach((uid, structure) -> {
            List<MessageStructure.TextPart> parts = textParts(structure);
            if (!parts.isEmpty()) {
                List<String> sections = parts.stream().map(part -> section(part.section())).toList();
                layouts.computeIfAbsent(sections, Layout::new).add(uid, parts);
            }
        });
        Map<Long, Map<String, byte[]>> bodies = new LinkedHashMap<>();
        for (Layout layout : layouts.values()) {
            String items = layout.items();
            List<Long> chunk = new ArrayList<>();
            long cost = 0;
            for (Map.Entry<Long, Long> message : layout.costs.entrySet()) {
                if (!chunk.isEmpty() && cost + message.getValue() > FETCH_BUDGET) {
                    bodies.putAll(ImapCommands.bodies(folder, chunk, items));
                    chunk.clear();
                    cost = 0;
                }
                chunk.add(message.getKey());
                cost += message.getValue();
            }
            bodies.putAll(ImapCommands.bodies(folder, chunk, items));
        }
        return bodies;
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

        String items() {
            return IntStream.range(0, limits.length)
                    .mapToObj(i -> "BODY.PEEK[" + sections.get(i) + "]<0." + limits[i] + ">")
                    .collect(Collectors.joining(" "));
        }
    }

    int limit(MessageStructure.TextPart part) {
        return BodyDecoder.fetchLimit(part.encoding(), maxBodyBytes);
    }

    static String section(String section) {
        return section.toUpperCase(Locale.ROOT);
    }

    static List<MessageStructure.TextPart> textParts(MessageStructure structure) {
        return Stream.of(structure.text(), structure.html()).filter(part -> part != null).toList();
    }
}
