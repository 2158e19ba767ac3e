package com.m365console.platform.web;

import java.net.InetSocketAddress;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** The HTTP exchange being served, for GraphQL data fetchers (through the Reactor context). */
public final class CurrentExchange {

    private CurrentExchange() {}

    /** Empty when there is no HTTP exchange (e.g. an operation over the WebSocket). */
    public static Mono<WebSession> session() {
        return exchange().flatMap(ServerWebExchange::getSession);
    }

    /**
     * The client's address as the server sees it (forwarded headers count only where
     * {@code server.forward-headers-strategy} says so); empty without an HTTP exchange.
     */
    public static Mono<String> clientAddress() {
        return exchange().mapNotNull(exchange -> address(exchange.getRequest().getRemoteAddress()));
    }

    /** The address of a connection as text: the IP address, or the host name when it was not resolved. */
    public static String address(InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null
                ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }

    private static Mono<ServerWebExchange> exchange() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(ServerWebExchangeContextFilter.getExchange(context)));
    }
}
