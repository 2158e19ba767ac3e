package com.m365console.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the {@code {"error": "..."}} answer the SPA and tools get for a request refused before any handler ran. */
final class JsonErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonErrors() {}

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String message) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = JSON.writeValueAsString(Map.of("error", message)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
