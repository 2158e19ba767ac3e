package com.m365console.platform.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A browser that opens a page the server cannot answer (an unknown server path, a wrong method, a bad request, a
 * failure) lands on the SPA's error page ({@code /error?status=...}), which says what happened and where to go,
 * instead of Spring Boot's Whitelabel page. API, GraphQL and actuator callers keep Spring Boot's JSON (order -1).
 */
@Component
@Order(-2)
class BrowserErrorPages implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BrowserErrorPages.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!isBrowserPage(exchange) || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = failure instanceof ResponseStatusException refused
                ? refused.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error(
                    "{} {} failed; the browser is sent to the error page",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().pathWithinApplication().value(),
                    failure);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SEE_OTHER);
        response.getHeaders().setLocation(URI.create("/error?status=" + status.value()));
        return response.setComplete();
    }

    /** A navigation (HTML asked for by name) outside the API: GraphQL, its schema and actuator answer JSON. */
    private static boolean isBrowserPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return !path.startsWith("/graphql")
                && !path.startsWith("/actuator")
                && exchange.getRequest().getHeaders().getAccept().stream()
                        .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
