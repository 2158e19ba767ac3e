package com.m365console.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before the password sign-in ({@code POST /login}, after the CSRF check): answers 429 at once while the
 * account name or the client address waits, otherwise counts the attempt and hands it to the sign-in.
 * The address is the connection's; forwarded headers replace it only where Spring is told to trust them
 * ({@code server.forward-headers-strategy}). Microsoft 365 sign-in has other paths and is not counted.
 * Not a bean: a WebFilter bean would also run outside the security chain.
 */
class SignInThrottleWebFilter implements WebFilter {

    static final String ATTEMPT = SignInAttempt.class.getName();

    private static final ServerWebExchangeMatcher PASSWORD_SIGN_IN =
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login");

    private final SignInThrottle throttle;
    private final JsonSignInHandlers answers;

    SignInThrottleWebFilter(SignInThrottle throttle, JsonSignInHandlers answers) {
        this.throttle = throttle;
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return PASSWORD_SIGN_IN
                .matches(exchange)
                .flatMap(match -> match.isMatch() ? counted(exchange, chain) : chain.filter(exchange));
    }

    private Mono<Void> counted(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getFormData()
                .flatMap(form -> throttle.begin(
                        form.getFirst("username"), exchange.getRequest().getRemoteAddress()))
                .flatMap(attempt -> {
                    if (attempt.isThrottled()) {
                        return answers.tooManyAttempts(exchange, attempt.retryAfter());
                    }
                    exchange.getAttributes().put(ATTEMPT, attempt);
                    return chain.filter(exchange);
                });
    }
}
