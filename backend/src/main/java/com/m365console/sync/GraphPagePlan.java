package com.m365console.sync;

import com.m365console.graph.GraphMessage;
import com.m365console.mail.MessageFlag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where each message of a delta page goes among a folder's stored rows: onto the row with its Graph id (a change, or
 * a round started over), else onto a row IMAP stored with the same Message-ID and no Graph id yet (a switched
 * mailbox; each such row is adopted once), else into a new row with the folder's next UID. A message that comes twice
 * in one page counts once, as it came last.
 */
record GraphPagePlan(List<Update> updates, List<Insert> inserts, long lastUid) {

    /** A stored row that may be the same message: its Graph id (null if IMAP stored it), Message-ID and flags. */
    record StoredRow(UUID id, String graphId, String messageId, Set<MessageFlag> flags) {}

    /** An existing row takes the Graph id and the flags Graph gives. */
    record Update(UUID rowId, String graphId, Set<MessageFlag> flags) {}

    /** A new row for the message under {@code uid}. */
    record Insert(GraphMessage message, long uid) {}

    static GraphPagePlan of(List<GraphMessage> messages, List<StoredRow> stored, long lastUid) {
        Map<String, GraphMessage> latest = new LinkedHashMap<>();
        messages.forEach(message -> {
            latest.remove(message.id());
            latest.put(message.id(), message);
        });
        Map<String, StoredRow> byGraphId = new HashMap<>();
        Map<String, Deque<StoredRow>> unadopted = new HashMap<>();
        for (StoredRow row : stored) {
            if (row.graphId() != null) {
                byGraphId.put(row.graphId(), row);
            } else if (row.messageId() != null) {
                unadopted
                        .computeIfAbsent(row.messageId(), id -> new ArrayDeque<>())
                        .add(row);
            }
        }
        List<Update> updates = new ArrayList<>();
        List<Insert> inserts = new ArrayList<>();
        long uid = lastUid;
        for (GraphMessage message : latest.values()) {
            StoredRow row = byGraphId.get(message.id());
            if (row == null && message.internetMessageId() != null) {
                Deque<StoredRow> sameMessageId = unadopted.get(message.internetMessageId());
                row = sameMessageId == null ? null : sameMessageId.poll();
            }
            if (row != null) {
                updates.add(new Update(row.id(), message.id(), GraphMessageRows.merged(row.flags(), message)));
            } else {
                inserts.add(new Insert(message, ++uid));
            }
        }
        return new GraphPagePlan(List.copyOf(updates), List.copyOf(inserts), uid);
    }

    /** The Graph ids of the page's messages. */
    List<String> graphIds() {
        List<String> ids = new ArrayList<>();
        updates.forEach(update -> ids.add(update.graphId()));
        inserts.forEach(insert -> ids.add(insert.message().id()));
        return ids;
    }
}
