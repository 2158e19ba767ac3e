package com.m365console.security;

import java.time.Duration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * Spring for GraphQL's WebSocket handler, with every open socket known to {@link OpenSockets}: the framework
 * gives interceptors no way to close a socket, and a credential taken back must close the sockets it opened.
 * The handshake's own sign-in is dropped here: a socket acts only as what its connection_init authenticated.
 */
class RevocableGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

    private final OpenSockets sockets;

    RevocableGraphQlWebSocketHandler(
            WebGraphQlHandler handler,
            CodecConfigurer codecs,
            Duration initTimeout,
            Duration keepAlive,
            CorsConfiguration cors,
            OpenSockets sockets) {
        super(handler, codecs, initTimeout, keepAlive, cors);
        this.sockets = sockets;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        sockets.opened(session);
        return super.handle(session)
                .doFinally(signal -> sockets.closed(session.getId()))
                .contextWrite(ReactiveSecurityContextHolder.clearContext());
    }
}
