package com.m365console.security;

import com.m365console.identity.ApiTokenService;
import com.m365console.security.session.PostgresSessionRepository;
import com.m365console.settings.RedirectUris;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * Authenticates a GraphQL WebSocket at {@code connection_init}: by an API token in the payload
 * ({@code Authorization: Bearer ...}), or by the browser session whose cookie came with the handshake, but only
 * when the handshake's Origin is the app's own (so no other site, whatever CORS allows, can ride the cookie).
 * Every operation then runs as that account, and only while {@link OpenSockets} says the credential is valid;
 * a socket that did not authenticate acts as nobody, whatever the handshake carried.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebSocketAuthenticationInterceptor implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketAuthenticationInterceptor.class.getName() + ".auth";
    private static final Authentication NOBODY = new AnonymousAuthenticationToken(
            "socket", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ApiTokenService tokens;
    private final PostgresSessionRepository sessions;
    private final OpenSockets sockets;
    private final OwnPages ownPages;
    private final String sessionCookie;

    WebSocketAuthenticationInterceptor(
            ApiTokenService tokens,
            PostgresSessionRepository sessions,
            OpenSockets sockets,
            RedirectUris redirectUris,
            ObjectProvider<WebSessionIdResolver> resolver) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.sockets = sockets;
        this.ownPages = new OwnPages(redirectUris.publicBaseUrl());
        this.sessionCookie =
                resolver.getIfAvailable(CookieWebSessionIdResolver::new) instanceof CookieWebSessionIdResolver cookies
                        ? cookies.getCookieName()
                        : "SESSION";
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        Object header = payload.get("Authorization");
        Mono<SocketCredential> credential =
                header instanceof String value && value.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? byApiToken(value.substring(7).trim())
                        : bySession(info);
        return credential
                .doOnNext(found -> {
                    info.getAttributes().put(AUTHENTICATION, found.authentication());
                    sockets.authenticated(info.getId(), found);
                })
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socketRequest)) {
            return chain.next(request);
        }
        WebSocketSessionInfo info = socketRequest.getSessionInfo();
        return sockets.mayOperate(info.getId()).flatMap(valid -> {
            if (!valid) {
                return Mono.error(new BadCredentialsException("This socket's sign-in has ended"));
            }
            Authentication auth =
                    info.getAttributes().get(AUTHENTICATION) instanceof Authentication found ? found : NOBODY;
            return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withAuthentication(auth));
        });
    }

    private Mono<SocketCredential> byApiToken(String presented) {
        return tokens.authenticate(presented)
                .map(token -> new SocketCredential(
                        RevokedCredential.Kind.API_TOKEN,
                        token.tokenId().toString(),
                        new ApiTokenAuthentication(token.owner()),
                        token.validUntil(),
                        () -> tokens.activeUntil(token.tokenId())))
                .switchIfEmpty(Mono.error(new BadCredentialsException("Invalid, expired or revoked API token")));
    }

    private Mono<SocketCredential> bySession(WebSocketSessionInfo info) {
        if (!ownPages.sent(info.getHeaders().getOrigin(), info.getUri())) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(cookie(info.getHeaders(), sessionCookie))
                .flatMap(sessions::signedIn)
                .filter(session -> !(session.authentication() instanceof AnonymousAuthenticationToken))
                .map(session -> new SocketCredential(
                        RevokedCredential.Kind.SESSION,
                        session.key(),
                        session.authentication(),
                        session.expiresAt(),
                        () -> sessions.expiresAt(session.key())));
    }

    private static Optional<String> cookie(HttpHeaders headers, String name) {
        List<String> lines = headers.getOrEmpty(HttpHeaders.COOKIE);
        for (String line : lines) {
            for (String pair : line.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    return Optional.of(pair.substring(equals + 1).trim());
                }
            }
        }
        return Optional.empty();
    }
}
