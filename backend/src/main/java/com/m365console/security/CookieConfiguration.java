package com.m365console.security;

import java.util.ArrayList;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * The attributes of the console's two cookies. SESSION: HttpOnly, SameSite=Lax, Secure whenever the request
 * is HTTPS; XSRF-TOKEN: the same but readable by the SPA, which echoes it. "HTTPS" is the scheme of the
 * request's address, which counts a proxy's X-Forwarded-Proto / Forwarded only when
 * {@code server.forward-headers-strategy} is set. Explicit {@code server.reactive.session.cookie.*}
 * properties still apply (Spring Boot's own resolver would clear SameSite when none is set).
 */
@Configuration(proxyBeanMethods = false)
class CookieConfiguration {

    static final String SAME_SITE = "Lax";
    static final String CSRF_COOKIE = "XSRF-TOKEN";

    /** The session cookie for whichever {@code WebSessionManager} the app uses. */
    @Bean
    WebSessionIdResolver webSessionIdResolver(ServerProperties server) {
        Cookie properties = server.getReactive().getSession().getCookie();
        var resolver = new CookieWebSessionIdResolver();
        if (properties.getName() != null && !properties.getName().isBlank()) {
            resolver.setCookieName(properties.getName());
        }
        resolver.addCookieInitializer(cookie -> {
            var map = PropertyMapper.get();
            map.from(properties::getDomain).to(cookie::domain);
            map.from(properties::getPath).to(cookie::path);
            map.from(properties::getHttpOnly).to(cookie::httpOnly);
            map.from(properties::getSecure).whenTrue().to(cookie::secure);
            map.from(properties::getMaxAge).to(cookie::maxAge);
            map.from(properties::getPartitioned).to(cookie::partitioned);
            map.from(properties::getSameSite)
                    .as(Cookie.SameSite::attributeValue)
                    .to(cookie::sameSite);
        });
        return resolver;
    }

    @Bean
    ServerCsrfTokenRepository csrfTokenRepository() {
        var cookies = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        cookies.setCookieName(CSRF_COOKIE);
        cookies.setCookieCustomizer(cookie -> cookie.sameSite(SAME_SITE));
        return new SecureOverHttps(cookies);
    }

    /**
     * Spring Security marks the XSRF-TOKEN cookie Secure only on a direct TLS connection; this marks it
     * Secure whenever the request's scheme is https, so also behind a trusted TLS-terminating proxy.
     */
    private record SecureOverHttps(CookieServerCsrfTokenRepository cookies) implements ServerCsrfTokenRepository {

        @Override
        public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
            return cookies.generateToken(exchange);
        }

        @Override
        public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
            return cookies.saveToken(exchange, token).then(Mono.fromRunnable(() -> {
                if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
                    exchange.getResponse()
                            .getCookies()
                            .computeIfPresent(
                                    CSRF_COOKIE,
                                    (name, saved) -> saved.stream()
                                            .map(cookie ->
                                                    cookie.mutate().secure(true).build())
                                            .collect(Collectors.toCollection(ArrayList::new)));
                }
            }));
        }

        @Override
        public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
            return cookies.loadToken(exchange);
        }
    }
}
