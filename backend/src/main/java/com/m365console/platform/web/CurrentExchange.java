package com.m365console.platform.web;

import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** The browser session of the request being served, for GraphQL data fetchers (through the Reactor context). */
public final class CurrentExchange {

    private CurrentExchange() {}

    /** Empty when there is no HTTP exchange (e.g. an operation over the WebSocket). */
    public static Mono<WebSession> session() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(ServerWebExchangeContextFilter.getExchange(context)))
                .flatMap(exchange -> exchange.getSession());
    }
}
