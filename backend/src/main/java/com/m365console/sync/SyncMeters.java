package com.m365console.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Synchronisation as Prometheus sees it: runs by outcome, their duration, messages stored, mailboxes pushed and live
 * status subscribers. Tagged by outcome only: never a mailbox id, so the series stay few whatever the mailboxes.
 */
@Component
class SyncMeters {

    private final MeterRegistry registry;

    SyncMeters(MeterRegistry registry, ObjectProvider<InboxPushWatchers> watchers, SyncEvents events) {
        this.registry = registry;
        Gauge.builder(
                        "m365.sync.push.watchers",
                        watchers,
                        provider -> provider.getObject().watching())
                .description("Mailboxes whose INBOX this instance watches in IMAP IDLE now")
                .strongReference(true)
                .register(registry);
        Gauge.builder("m365.sync.subscribers", events, SyncEvents::subscribers)
                .description("Live synchronisation status subscriptions on this instance")
                .register(registry);
    }

    /** One run ended as published: counted by its state, timed, and its stored messages added up. */
    void ended(SyncOutcome outcome, SyncStatus ended) {
        String state = ended.state().name().toLowerCase(Locale.ROOT);
        registry.counter("m365.sync.runs", "outcome", state).increment();
        if (outcome instanceof SyncOutcome.Succeeded done) {
            stored(done.newMessages());
            registry.timer("m365.sync.run.duration", "outcome", state).record(done.took());
        } else if (outcome instanceof SyncOutcome.Failed failed) {
            stored(failed.storedBeforeFailure());
            registry.timer("m365.sync.run.duration", "outcome", state).record(failed.took());
        }
    }

    private void stored(int messages) {
        registry.counter("m365.sync.messages.stored").increment(messages);
    }
}
