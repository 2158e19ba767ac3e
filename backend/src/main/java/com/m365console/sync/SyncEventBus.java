package com.m365console.sync;

import com.m365console.platform.database.PostgresNotifications;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries synchronisation steps to the other instances on the database with PostgreSQL LISTEN/NOTIFY: steps are
 * sent in order over one connection, tagged with this instance's id, and each other instance hears them on another
 * and hands them to its subscribers (this instance delivers its own steps itself, so they reach its subscribers at
 * once, also while the database is down). A lost connection is re-established and the queue sent then.
 */
@Component
class SyncEventBus {

    static final String CHANNEL = "m365_mailbox_sync";

    /** A step as it travels, with the instance that published it. */
    record Notice(String origin, SyncStatus status) {}

    private final ConnectionFactory connections;
    private final PostgresNotifications notifications;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    /** Survives its subscriber: after a lost connection the sender subscribes again and goes on with the queue. */
    private final Sinks.Many<SyncStatus> outgoing = Sinks.many().multicast().onBackpressureBuffer(4096, false);

    private final String origin = UUID.randomUUID().toString();
    private final Sinks.Many<SyncStatus> incoming = Sinks.many().multicast().directBestEffort();
    private Disposable sending;
    private Disposable listening;

    SyncEventBus(ConnectionFactory connections, PostgresNotifications notifications) {
        this.connections = connections;
        this.notifications = notifications;
    }

    void send(SyncStatus status) {
        outgoing.emitNext(status, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /** Every step sent by the other instances, as heard from the database. */
    Flux<SyncStatus> received() {
        return incoming.asFlux();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        listening = notifications
                .listen(CHANNEL, () -> {})
                .map(payload -> json.readValue(payload, Notice.class))
                .filter(notice -> !origin.equals(notice.origin()))
                .subscribe(notice -> incoming.emitNext(
                        notice.status(), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
        sending = Flux.usingWhen(
                        Mono.from(connections.create()),
                        connection -> outgoing.asFlux().concatMap(status -> notify(connection, status)),
                        Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
                .subscribe();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (listening != null) {
            listening.dispose();
        }
        if (sending != null) {
            sending.dispose();
        }
    }

    private Mono<Void> notify(Connection connection, SyncStatus status) {
        return Flux.from(connection
                        .createStatement("select pg_notify($1, $2)")
                        .bind("$1", CHANNEL)
                        .bind("$2", json.writeValueAsString(new Notice(origin, status)))
                        .execute())
                .flatMap(result -> result.map((row, meta) -> 1))
                .then();
    }
}
