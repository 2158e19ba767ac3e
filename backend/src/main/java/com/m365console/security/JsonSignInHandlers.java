package com.m365console.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Answers the SPA's sign-in POST with JSON: 200 and the user name, or 401 and a message. */
@Component
class JsonSignInHandlers implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

    private final JsonMapper json;

    JsonSignInHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return write(exchange.getExchange().getResponse(), HttpStatus.OK, Map.of("username", authentication.getName()));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        return write(exchange.getExchange().getResponse(), HttpStatus.UNAUTHORIZED,
                Map.of("error", "Invalid username or password"));
    }

    private Mono<Void> write(ServerHttpResponse response, HttpStatus status, Map<String, String> body) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
