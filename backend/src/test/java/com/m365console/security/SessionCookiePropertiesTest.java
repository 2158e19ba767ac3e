package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The session cookie keeps Lax and Secure-over-HTTPS by default and takes explicit server.reactive.session.cookie.* values. */
class SessionCookiePropertiesTest {

    @Test
    void withoutPropertiesTheCookieIsHttpOnlyLaxAndSecureOnlyOverHttps() {
        var resolver = new CookieConfiguration().webSessionIdResolver(new ServerProperties());
        assertThat(sessionCookie(resolver, "https://console.example.com/")).satisfies(cookie -> {
            assertThat(cookie.getName()).isEqualTo("SESSION");
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
            assertThat(cookie.isSecure()).isTrue();
        });
        assertThat(sessionCookie(resolver, "http://localhost:8080/").isSecure()).isFalse();
    }

    @Test
    void explicitPropertiesApplyOnTop() {
        var server = new ServerProperties();
        Cookie cookie = server.getReactive().getSession().getCookie();
        cookie.setName("CONSOLE_SESSION");
        cookie.setDomain("example.com");
        cookie.setSecure(true);
        cookie.setSameSite(Cookie.SameSite.STRICT);
        cookie.setMaxAge(Duration.ofHours(8));
        var resolver = new CookieConfiguration().webSessionIdResolver(server);

        var set = sessionCookie(resolver, "http://console.example.com/");
        assertThat(set.getName()).isEqualTo("CONSOLE_SESSION");
        assertThat(set.getDomain()).isEqualTo("example.com");
        assertThat(set.isSecure()).isTrue();
        assertThat(set.getSameSite()).isEqualTo("Strict");
        assertThat(set.getMaxAge()).isEqualTo(Duration.ofHours(8));
        assertThat(set.isHttpOnly()).isTrue();
    }

    private static ResponseCookie sessionCookie(
            org.springframework.web.server.session.WebSessionIdResolver resolver, String url) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
        resolver.setSessionId(exchange, "id-1");
        return exchange.getResponse().getCookies().values().iterator().next().get(0);
    }
}
