package com.m365console.mail;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads ahead of the caller's batches so that messages of the same layout share FETCH commands across batches. */
final class MessageWindow {

    /**
     * How many batches a window grows to; each content FETCH still holds at most one batch. Three: against Dovecot
     * a 10,000-message sync then keeps ~63 MB live instead of ~105 MB (fewer, cheaper collections with -Xmx256m), and
     * commands are cheap enough there (and at Exchange) that sharing them across more batches gains nothing.
     */
    static final int MAX_BATCHES = 3;

    /** Caps what a slice read ahead may hold: text-body octets (an upper bound from the structures) and envelopes. */
    private static final long READ_BUDGET = 32L << 20;

    private static final long ENVELOPE_COST = 4096;

    private final UidCursor cursor;
    private final MessageBatch batches;
    private final TreeMap<Long, MessageStructure> unread = new TreeMap<>();
    private final TreeMap<Long, FetchedMessage> ready = new TreeMap<>();
    private int windowBatches = 1;
    private long listedUpTo = -1;
    private long servedUpTo = -1;

    MessageWindow(UidCursor cursor, MessageBatch batches) {
        this.cursor = cursor;
        this.batches = batches;
    }

    /**
     * Up to {@code batchSize} messages with a UID above {@code lastUid}, ascending; empty when none. A window of
     * listed UIDs (one batch on a fresh connection, so that a flaky one still makes progress, then
     * {@link #MAX_BATCHES}) has its structures listed with one command, then is read in slices of bounded size.
     */
    List<FetchedMessage> next(long lastUid, int batchSize) throws MessagingException {
        if (lastUid < servedUpTo) {
            unread.clear();
            ready.clear();
            listedUpTo = lastUid;
        }
        servedUpTo = lastUid;
        listedUpTo = Math.max(listedUpTo, lastUid);
        unread.headMap(lastUid, true).clear();
        ready.headMap(lastUid, true).clear();
        while (ready.isEmpty()) {
            if (unread.isEmpty()) {
                long[] uids = cursor.next(listedUpTo, windowBatches * batchSize);
                if (uids.length == 0) {
                    return List.of();
                }
                windowBatches = MAX_BATCHES;
                listedUpTo = uids[uids.length - 1];
                unread.putAll(batches.structures(uids));
            }
            for (FetchedMessage message : batches.read(slice(), batchSize)) {
                ready.put(message.uid(), message);
            }
        }
        List<FetchedMessage> batch = new ArrayList<>(Math.min(batchSize, ready.size()));
        while (batch.size() < batchSize && !ready.isEmpty()) {
            batch.add(ready.pollFirstEntry().getValue());
        }
        servedUpTo = batch.get(batch.size() - 1).uid();
        return batch;
    }

    /** Takes the first unread messages that fit in {@link #READ_BUDGET}, at least one. */
    private SortedMap<Long, MessageStructure> slice() {
        SortedMap<Long, MessageStructure> slice = new TreeMap<>();
        long cost = 0;
        while (!unread.isEmpty()) {
            Map.Entry<Long, MessageStructure> next = unread.firstEntry();
            cost += ENVELOPE_COST + batches.cost(next.getValue());
            if (!slice.isEmpty() && cost > READ_BUDGET) {
                break;
            }
            slice.put(next.getKey(), next.getValue());
            unread.pollFirstEntry();
        }
        return slice;
    }
}
