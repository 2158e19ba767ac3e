package com.m365console.sync;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Synchronisation steps for this instance's subscribers, whichever instance ran the sync (its own are delivered at
 * once, the other instances' arrive through {@link SyncEventBus}), in the order they were published; a new subscriber to one mailbox first gets that
 * mailbox's latest step (IDLE if none), so it shows the last result.
 */
@Component
public class SyncEvents {

    /**
     * Steps a subscriber may lag behind before it misses some: a sync publishes a few a second, and each open socket
     * holds a queue of this size (1,024 cost 4 KB a socket).
     */
    private static final int SUBSCRIBER_BUFFER = 256;

    private final SyncEventBus bus;
    private final Sinks.Many<SyncStatus> sink = Sinks.many().multicast().directBestEffort();
    private final Map<UUID, SyncStatus> latest = new ConcurrentHashMap<>();
    private final Disposable delivery;

    SyncEvents(SyncEventBus bus) {
        this.bus = bus;
        this.delivery = bus.received().subscribe(this::deliver);
    }

    /** Delivers the step to this instance's subscribers now, and sends it to the other instances' ones. */
    void publish(SyncStatus status) {
        deliver(status);
        bus.send(status);
    }

    /** The mailbox's latest step, then every new one; the live feed is joined before the latest is sent. */
    public Flux<SyncStatus> of(UUID mailboxId) {
        return Flux.defer(() -> live().filter(status -> status.mailboxId().equals(mailboxId))
                .mergeWith(Mono.fromSupplier(
                        () -> latest.getOrDefault(mailboxId, SyncStatus.step(mailboxId, SyncState.IDLE)))));
    }

    public Flux<SyncStatus> all() {
        return live();
    }

    /**
     * The live feed with a buffer per subscriber, so a subscriber that is briefly slow misses no step, delivered on the
     * parallel scheduler: whoever publishes (a sync's thread, the LISTEN connection's event loop) only hands the step
     * over, and the GraphQL execution and socket write for each subscriber run beside it, not inside it.
     */
    private Flux<SyncStatus> live() {
        return sink.asFlux().publishOn(Schedulers.parallel(), SUBSCRIBER_BUFFER);
    }

    /** Subscriptions to the live feed on this instance (each open status screen holds one or more). */
    int subscribers() {
        return sink.currentSubscriberCount();
    }

    @PreDestroy
    void stop() {
        delivery.dispose();
        bus.stop();
    }

    private void deliver(SyncStatus status) {
        latest.put(status.mailboxId(), status);
        sink.emitNext(status, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }
}
