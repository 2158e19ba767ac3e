package com.m365console.platform.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves the SPA's index.html for "/" and for browser navigations to client-side routes such as /system/config,
 * through the resource handler of {@link SpaResources} (compressed, revalidated), GraphiQL's page for /graphiql,
 * and marks the SPA's files as
 * varying by Accept-Encoding.
 */
@Component
class SpaRoutingFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (request.getMethod() == HttpMethod.GET
                && (path.equals("/") || isClientRoute(path) && acceptsHtml(exchange))) {
            varyByEncoding(exchange);
            return chain.filter(
                    exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        if (request.getMethod() == HttpMethod.GET && path.equals("/graphiql")) {
            varyByEncoding(exchange);
            return chain.filter(
                    exchange.mutate().request(r -> r.path("/graphiql.html")).build());
        }
        if (path.startsWith("/assets/") || path.equals("/index.html") || path.equals("/graphiql.html")) {
            varyByEncoding(exchange);
        }
        return chain.filter(exchange);
    }

    /** Every variant says it depends on Accept-Encoding, the plain one too (the compressed ones say so themselves). */
    private static void varyByEncoding(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
    }

    private static boolean isClientRoute(String path) {
        return !path.startsWith("/graphql")
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
