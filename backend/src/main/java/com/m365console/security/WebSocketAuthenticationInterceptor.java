package com.m365console.security;

import java.net.URI;
import java.util.Map;

import com.m365console.identity.ApiTokenService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a GraphQL WebSocket at {@code connection_init}: by an API token in the payload
 * ({@code Authorization: Bearer ...}), or by the browser session of the handshake when it came from this
 * site's own pages (Origin check, so other sites cannot ride the session cookie). Every operation on the
 * socket then runs as that account.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebSocketAuthenticationInterceptor implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketAuthenticationInterceptor.class.getName() + ".auth";

    private final ApiTokenService tokens;

    WebSocketAuthenticationInterceptor(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        Object header = payload.get("Authorization");
        Mono<Authentication> authentication = header instanceof String value && value.regionMatches(true, 0,
                "Bearer ", 0, 7)
                ? tokens.authenticate(value.substring(7).trim()).<Authentication>map(ApiTokenAuthentication::new)
                        .switchIfEmpty(Mono.error(new BadCredentialsException("Invalid, expired or revoked API token")))
                : sameOriginSession(info);
        return authentication.doOnNext(auth -> info.getAttributes().put(AUTHENTICATION, auth)).then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socketRequest
                && socketRequest.getSessionInfo().getAttributes().get(AUTHENTICATION) instanceof Authentication auth) {
            return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withAuthentication(auth));
        }
        return chain.next(request);
    }

    private static Mono<Authentication> sameOriginSession(WebSocketSessionInfo info) {
        String origin = info.getHeaders().getOrigin();
        URI uri = info.getUri();
        boolean sameOrigin = origin != null && URI.create(origin).getHost() != null
                && URI.create(origin).getHost().equalsIgnoreCase(uri.getHost())
                && URI.create(origin).getPort() == uri.getPort();
        if (!sameOrigin) {
            return Mono.empty();
        }
        return info.getPrincipal()
                .filter(principal -> principal instanceof Authentication auth && auth.isAuthenticated()
                        && !(auth instanceof AnonymousAuthenticationToken))
                .cast(Authentication.class);
    }
}
