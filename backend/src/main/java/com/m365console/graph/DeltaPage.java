package com.m365console.graph;

import java.util.List;

/**
 * One page of a folder's delta: messages added or changed (in full, as selected), the ids of messages removed
 * (deleted or moved out), and the checkpoint to store with them; the last page of a round has a checkpoint with
 * {@code roundComplete}.
 */
public record DeltaPage(List<GraphMessage> messages, List<String> removedIds, DeltaCheckpoint next) {

    public boolean last() {
        return next.roundComplete();
    }
}
