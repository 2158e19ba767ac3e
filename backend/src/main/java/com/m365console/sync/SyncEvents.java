package com.m365console.sync;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Delivers synchronisation steps to subscribers in this instance, in the order they were published; a new
 * subscriber to one mailbox first gets that mailbox's latest step (IDLE if none), so it shows the last result.
 */
@Component
public class SyncEvents {

    private final Sinks.Many<SyncStatus> sink = Sinks.many().multicast().directBestEffort();
    private final Map<UUID, SyncStatus> latest = new ConcurrentHashMap<>();

    void publish(SyncStatus status) {
        latest.put(status.mailboxId(), status);
        sink.emitNext(status, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /** The mailbox's latest step, then every new one; the live feed is joined before the latest is sent. */
    public Flux<SyncStatus> of(UUID mailboxId) {
        return Flux.defer(() -> sink.asFlux().filter(status -> status.mailboxId().equals(mailboxId))
                .mergeWith(Mono.fromSupplier(() -> latest.getOrDefault(mailboxId,
                        SyncStatus.of(mailboxId, SyncState.IDLE)))));
    }

    public Flux<SyncStatus> all() {
        return sink.asFlux();
    }
}
