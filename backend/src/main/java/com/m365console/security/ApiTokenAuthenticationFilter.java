package com.m365console.security;

import com.m365console.identity.ApiTokenService;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code Authorization: Bearer <API token>} requests for tooling. No session is created;
 * an unknown, expired or revoked token gets a 401 with a JSON reason.
 */
class ApiTokenAuthenticationFilter extends AuthenticationWebFilter {

    static final ServerWebExchangeMatcher BEARER_REQUEST = exchange -> bearerToken(exchange) != null
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();

    ApiTokenAuthenticationFilter(ApiTokenService tokens) {
        super((ReactiveAuthenticationManager) authentication -> tokens.authenticate(
                        (String) authentication.getCredentials())
                .<Authentication>map(token -> new ApiTokenAuthentication(token.owner()))
                .switchIfEmpty(Mono.error(new BadCredentialsException("Invalid, expired or revoked API token"))));
        setRequiresAuthenticationMatcher(BEARER_REQUEST);
        setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(bearerToken(exchange))
                .map(token -> new UsernamePasswordAuthenticationToken("api-token", token)));
        setAuthenticationFailureHandler((webFilterExchange, exception) -> {
            var response = webFilterExchange.getExchange().getResponse();
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            byte[] body = "{\"error\":\"Invalid, expired or revoked API token\"}".getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        });
    }

    static String bearerToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
    }
}
