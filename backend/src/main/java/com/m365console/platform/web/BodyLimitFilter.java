package com.m365console.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 413 before anything reads a body whose declared length is over the limit (ahead of the security
 * filters, so a huge sign-in form is never parsed); bodies without a length are cut by the readers instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter implements WebFilter {

    private final RequestBodyLimit limit;

    BodyLimitFilter(RequestBodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > limit.bytes()) {
            return JsonErrors.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, limit.message());
        }
        return chain.filter(exchange);
    }
}
