package com.m365console.security;

import com.m365console.identity.UserAccountRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the SPA's sign-in POST with JSON: 200 and the user name, 401 and a message, or 429 with
 * {@code Retry-After} while the throttle makes the name or address wait. Tells the throttle how each attempt ended,
 * and notes the account's last sign-in.
 */
@Component
class JsonSignInHandlers implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

    private final JsonMapper json;
    private final SignInThrottle throttle;
    private final UserAccountRepository users;

    JsonSignInHandlers(JsonMapper json, SignInThrottle throttle, UserAccountRepository users) {
        this.json = json;
        this.throttle = throttle;
        this.users = users;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        Mono<Integer> signedIn = authentication.getPrincipal() instanceof SignedInAccount account
                ? users.markSignedIn(account.accountId())
                : Mono.empty();
        return attempt(exchange.getExchange())
                .flatMap(throttle::succeeded)
                .then(signedIn)
                .then(write(
                        exchange.getExchange().getResponse(),
                        HttpStatus.OK,
                        Map.of("username", authentication.getName())));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        return attempt(exchange.getExchange())
                .flatMap(throttle::failed)
                .then(write(
                        exchange.getExchange().getResponse(),
                        HttpStatus.UNAUTHORIZED,
                        Map.of("error", "Invalid username or password")));
    }

    /** The answer while throttled, whatever the password: it must not tell whether the password was right. */
    Mono<Void> tooManyAttempts(ServerWebExchange exchange, Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.plusMillis(999).toSeconds());
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set("Retry-After", Long.toString(seconds));
        return write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                Map.of(
                        "error",
                        "Too many sign-in attempts. Try again in " + seconds + " seconds.",
                        "retryAfterSeconds",
                        seconds));
    }

    private static Mono<SignInAttempt> attempt(ServerWebExchange exchange) {
        return Mono.justOrEmpty(exchange.<SignInAttempt>getAttribute(SignInThrottleWebFilter.ATTEMPT));
    }

    private Mono<Void> write(ServerHttpResponse response, HttpStatus status, Map<String, ?> body) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
