package com.m365console.graph;

import java.util.List;
import java.util.stream.Stream;

/**
 * A mail folder of the tree Graph gives: its id, parent, name, the path of names from the top ({@code Inbox/Projects}),
 * the well-known name when it is one of the default folders ({@code inbox}, {@code sentitems}, {@code deleteditems},
 * {@code junkemail}, {@code archive}; else null), its counts, and its child folders.
 */
public record GraphFolder(
        String id,
        String parentId,
        String displayName,
        String path,
        String wellKnownName,
        int totalItemCount,
        int unreadItemCount,
        List<GraphFolder> children) {

    /** This folder and every folder under it, parents first. */
    public Stream<GraphFolder> withDescendants() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(GraphFolder::withDescendants));
    }
}
