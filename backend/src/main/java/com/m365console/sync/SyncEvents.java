package com.m365console.sync;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Delivers synchronisation steps to subscribers in this instance, in the order they were published. */
@Component
public class SyncEvents {

    private final Sinks.Many<SyncStatus> sink = Sinks.many().multicast().directBestEffort();

    void publish(SyncStatus status) {
        sink.emitNext(status, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    public Flux<SyncStatus> of(UUID mailboxId) {
        return sink.asFlux().filter(status -> status.mailboxId().equals(mailboxId));
    }

    public Flux<SyncStatus> all() {
        return sink.asFlux();
    }
}
