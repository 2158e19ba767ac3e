package com.m365console.testsupport.microsoft.graph;

import java.time.Instant;

/** A message as the fake mailbox holds it: what was seeded plus what Exchange adds (ids, change key, folder). */
record StoredMessage(
        String id,
        String folderId,
        SeedMessage seed,
        String internetMessageId,
        String conversationId,
        String changeKey,
        Instant created,
        Instant lastModified) {

    StoredMessage changed(SeedMessage newSeed, String newFolderId, String newChangeKey) {
        return new StoredMessage(
                id, newFolderId, newSeed, internetMessageId, conversationId, newChangeKey, created, Instant.now());
    }
}
