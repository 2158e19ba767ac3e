package com.m365console.platform.web;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Serves the SPA's index.html for browser navigations to client-side routes such as /system/config. */
@Component
class SpaRoutingFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (request.getMethod() == HttpMethod.GET && isClientRoute(path) && acceptsHtml(exchange)) {
            return chain.filter(
                    exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        return chain.filter(exchange);
    }

    private static boolean isClientRoute(String path) {
        return !path.equals("/")
                && !path.startsWith("/graphql")
                && !path.startsWith("/graphiql")
                && !path.startsWith("/assets/")
                && !path.startsWith("/oauth2/")
                && !path.startsWith("/login/oauth2/")
                && !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    private static boolean acceptsHtml(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
