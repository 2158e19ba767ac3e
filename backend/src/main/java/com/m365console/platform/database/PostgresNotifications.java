package com.m365console.platform.database;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Hears a PostgreSQL LISTEN/NOTIFY channel, the way instances tell each other things (sync steps, revoked
 * credentials) without a broker: one connection per channel, re-established with backoff when it is lost.
 */
@Component
public class PostgresNotifications {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    private final ConnectionFactory connections;

    PostgresNotifications(ConnectionFactory connections) {
        this.connections = connections;
    }

    /**
     * The payloads sent on the channel, for as long as the subscription lasts. {@code onListening} runs each time
     * LISTEN takes effect (first, and after every reconnection): notices sent while no connection listened are
     * lost, so a subscriber that must not miss one checks the state it follows there.
     */
    public Flux<String> listen(String channel, Runnable onListening) {
        return Flux.usingWhen(
                        Mono.from(connections.create()),
                        connection -> listen(connection, channel, onListening),
                        Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> {
                            if (signal.totalRetriesInARow() >= 3) {
                                log.warn(
                                        "Still trying to listen on {}: {}",
                                        channel,
                                        signal.failure().toString());
                            }
                        }));
    }

    private static Flux<String> listen(Connection connection, String channel, Runnable onListening) {
        PostgresqlConnection postgres = unwrap(connection);
        return postgres.createStatement("LISTEN " + channel)
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(Mono.fromRunnable(onListening))
                .thenMany(postgres.getNotifications())
                .map(notification -> notification.getParameter() == null ? "" : notification.getParameter())
                .concatWith(Mono.error(
                        () -> new IllegalStateException("The connection listening on " + channel + " was closed")));
    }

    @SuppressWarnings("unchecked")
    private static PostgresqlConnection unwrap(Connection connection) {
        Connection current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = ((Wrapped<Connection>) wrapped).unwrap();
        }
        return (PostgresqlConnection) current;
    }
}
