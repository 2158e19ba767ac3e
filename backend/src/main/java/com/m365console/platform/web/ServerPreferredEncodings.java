package com.m365console.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring's {@link EncodedResourceResolver} takes the first coding in the request's order, so Chromium's
 * "gzip, deflate, br, zstd" would get gzip; this one offers brotli first whenever it is accepted, and honours
 * "q=0" (refused), which Spring's ignores.
 */
class ServerPreferredEncodings extends EncodedResourceResolver {

    @Override
    protected Mono<Resource> resolveResourceInternal(
            ServerWebExchange exchange,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        if (exchange == null) {
            return super.resolveResourceInternal(null, requestPath, locations, chain);
        }
        List<String> accepted = accepted(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING));
        String preferred = String.join(
                ", ", getContentCodings().stream().filter(accepted::contains).toList());
        ServerWebExchange ordered = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HttpHeaders.ACCEPT_ENCODING, preferred)))
                .build();
        return super.resolveResourceInternal(ordered, requestPath, locations, chain);
    }

    /** The codings of an Accept-Encoding header that are not refused by q=0. */
    static List<String> accepted(String header) {
        if (header == null) {
            return List.of();
        }
        return Arrays.stream(header.toLowerCase(Locale.ROOT).split(","))
                .map(String::trim)
                .filter(coding -> !coding.matches(".*;\\s*q\\s*=\\s*0(\\.0*)?$"))
                .map(coding -> coding.replaceFirst(";.*", "").trim())
                .toList();
    }
}
