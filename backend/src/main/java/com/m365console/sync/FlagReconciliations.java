package com.m365console.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each folder's flags were last compared in full with the server's. Without CONDSTORE (Exchange Online has
 * none) a folder whose STATUS shows nothing new, gone or read may still have other flag changes (flagged, answered),
 * so a run compares it in full anyway once this long has passed. Per instance, in memory: after a start every folder
 * is compared once.
 */
final class FlagReconciliations {

    private final Duration every;
    private final Map<UUID, Instant> last = new ConcurrentHashMap<>();

    FlagReconciliations(Duration every) {
        this.every = every;
    }

    /** Never remembers: every folder is compared in full on every run. */
    static FlagReconciliations always() {
        return new FlagReconciliations(Duration.ZERO);
    }

    boolean due(UUID folderId) {
        Instant at = last.get(folderId);
        return at == null || !Instant.now().isBefore(at.plus(every));
    }

    /** The folder's stored flags and messages were just brought in line with the server's. */
    void done(UUID folderId) {
        if (!every.isZero()) {
            last.put(folderId, Instant.now());
        }
    }

    /** The folder's stored mail starts over (a new UIDVALIDITY): compare it in full next time. */
    void forget(UUID folderId) {
        last.remove(folderId);
    }
}
