package com.m365console.security;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The GraphQL WebSockets open on this instance and the credential each one acts with, so that taking a
 * credential back closes its sockets at once: on a revocation notice from any instance, when the credential
 * expires, and before any operation on a socket whose credential is no longer valid. Checking an operation
 * costs no database round trip; the database is asked only when a credential's known end has passed.
 */
@Component
class OpenSockets {

    /** graphql-transport-ws: the credential is gone (signed out, revoked, expired). */
    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

    private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);

    private final Map<String, WebSocketSession> sockets = new ConcurrentHashMap<>();
    private final Map<String, SocketCredential> credentials = new ConcurrentHashMap<>();

    OpenSockets(MeterRegistry meters) {
        Gauge.builder("m365.graphql.sockets", sockets, Map::size)
                .description("GraphQL WebSockets open on this instance")
                .register(meters);
    }

    void opened(WebSocketSession socket) {
        sockets.put(socket.getId(), socket);
    }

    void closed(String socketId) {
        sockets.remove(socketId);
        credentials.remove(socketId);
    }

    void authenticated(String socketId, SocketCredential credential) {
        if (sockets.containsKey(socketId)) {
            credentials.put(socketId, credential);
        }
    }

    /**
     * Whether an operation may run on the socket: true for a socket that never authenticated (it acts as
     * nobody), and for one whose credential is still valid; otherwise the socket is closed.
     */
    Mono<Boolean> mayOperate(String socketId) {
        SocketCredential credential = credentials.get(socketId);
        if (credential == null) {
            return Mono.just(!revoked(socketId));
        }
        if (Instant.now().isBefore(credential.validUntil())) {
            return Mono.just(true);
        }
        return recheck(socketId, credential);
    }

    /** Closes every socket that acts with the revoked credential. */
    void revoke(RevokedCredential revoked) {
        credentials.forEach((socketId, credential) -> {
            if (credential.names(revoked)) {
                close(socketId, "its " + revoked.kind() + " was taken back");
            }
        });
    }

    /** Asks the database about every open socket's credential (after notices may have been missed). */
    Mono<Void> recheckAll() {
        return Flux.fromIterable(Map.copyOf(credentials).entrySet())
                .flatMap(entry -> recheck(entry.getKey(), entry.getValue()), 4)
                .then();
    }

    /** Closes sockets whose credential's known end has passed and that the database no longer extends. */
    @Scheduled(fixedDelay = 1000)
    void closeExpired() {
        Instant now = Instant.now();
        credentials.forEach((socketId, credential) -> {
            if (!now.isBefore(credential.validUntil())) {
                recheck(socketId, credential).subscribe();
            }
        });
    }

    int size() {
        return sockets.size();
    }

    private Mono<Boolean> recheck(String socketId, SocketCredential credential) {
        return credential
                .currentEnd()
                .get()
                .filter(end -> Instant.now().isBefore(end))
                .map(end -> {
                    credentials.computeIfPresent(socketId, (id, current) -> current.validUntil(end));
                    return true;
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    close(socketId, "its " + credential.kind() + " ended");
                    return false;
                }))
                .onErrorResume(ex -> {
                    log.warn(
                            "Could not check the credential of GraphQL socket {}; its operations are refused until "
                                    + "it can be checked: {}",
                            socketId,
                            ex.toString());
                    return Mono.just(false);
                });
    }

    private boolean revoked(String socketId) {
        return !sockets.containsKey(socketId);
    }

    private void close(String socketId, String why) {
        credentials.remove(socketId);
        WebSocketSession socket = sockets.remove(socketId);
        if (socket != null) {
            log.info("Closing GraphQL socket {}: {}", socketId, why);
            socket.close(UNAUTHORIZED).subscribe(null, ex -> log.debug("Closing socket {} failed", socketId, ex));
        }
    }
}
