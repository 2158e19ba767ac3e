package com.m365console.sync;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watcher's account of its mailbox's push state, written to {@link PushStatusStore} on every change so that all
 * instances show it. Blocking (on a thread of the push pool); a database that does not answer is logged and
 * never stops the watcher, whose next change writes again.
 */
final class PushStateWriter {

    private static final Logger log = LoggerFactory.getLogger(PushStateWriter.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final UUID mailboxId;
    private final String holder;
    private final PushStatusStore store;
    private PushState written;
    private OffsetDateTime since;

    PushStateWriter(UUID mailboxId, String holder, PushStatusStore store) {
        this.mailboxId = mailboxId;
        this.holder = holder;
        this.store = store;
    }

    /** The watcher started and logs in for the first time. */
    void connecting() {
        write(PushState.CONNECTING, OffsetDateTime.now(), null);
    }

    /** A connection logged in and waits in IDLE; once WATCHING, later logins (token renewal) keep its since. */
    void watching() {
        if (written != PushState.WATCHING) {
            write(PushState.WATCHING, OffsetDateTime.now(), null);
        }
    }

    /** A failure: RECONNECTING while they are few, FAILING once they keep coming; since is the first in a row. */
    void failed(String reason, boolean keepsFailing) {
        boolean streak = written == PushState.RECONNECTING || written == PushState.FAILING;
        write(keepsFailing ? PushState.FAILING : PushState.RECONNECTING, streak ? since : OffsetDateTime.now(), reason);
    }

    /** The watcher stopped by itself (the mailbox needs reconnecting, its access is refused, it is gone). */
    void off(String reason) {
        write(PushState.OFF, OffsetDateTime.now(), reason);
    }

    private void write(PushState state, OffsetDateTime at, String reason) {
        written = state;
        since = at;
        try {
            store.write(mailboxId, holder, state, at, reason).block(WRITE_TIMEOUT);
        } catch (RuntimeException ex) {
            log.warn("Could not record push state {} of mailbox {}: {}", state, mailboxId, ex.toString());
        }
    }
}
