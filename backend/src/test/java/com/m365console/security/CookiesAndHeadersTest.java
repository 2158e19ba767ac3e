package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.Arrays;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The cookies and security headers over plain HTTP, and that a client's own X-Forwarded-Proto changes
 * nothing while {@code server.forward-headers-strategy} is not set.
 */
@IntegrationTest
class CookiesAndHeadersTest {

    static final Map<String, String> STRANGERS_PROXY_HEADERS =
            Map.of("X-Forwarded-Proto", "https", "Forwarded", "proto=https;host=attacker.example");

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @BeforeEach
    void account() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
    }

    @Test
    void overPlainHttpTheSessionCookieIsHttpOnlyLaxAndNotSecure() {
        var cookie = new CookieProbe(sessions, Map.of()).sessionCookie();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.isSecure()).isFalse();
    }

    @Test
    void overPlainHttpTheCsrfCookieIsReadableByTheSpaLaxAndNotSecure() {
        var cookie = new CookieProbe(sessions, Map.of()).csrfCookie();
        assertThat(cookie.isHttpOnly()).isFalse();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.isSecure()).isFalse();
    }

    @Test
    void forwardedHeadersAreIgnoredWhileNoStrategyIsConfigured() {
        var probe = new CookieProbe(sessions, STRANGERS_PROXY_HEADERS);
        assertThat(probe.sessionCookie().isSecure()).isFalse();
        assertThat(probe.csrfCookie().isSecure()).isFalse();
        assertThat(probe.spaPageHeaders().containsHeader("Strict-Transport-Security"))
                .isFalse();
    }

    @Test
    void theSpaPageForbidsFramingForeignScriptAndPlugins() {
        var headers = new CookieProbe(sessions, Map.of()).spaPageHeaders();
        String policy = headers.getFirst("Content-Security-Policy");
        assertThat(policy)
                .contains(
                        "script-src 'self';",
                        "frame-ancestors 'none'",
                        "object-src 'none'",
                        "base-uri 'self'",
                        "connect-src 'self'",
                        "default-src 'self'");
        assertThat(directive(policy, "script-src")).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.containsHeader("Strict-Transport-Security")).isFalse();
    }

    @Test
    void theMailFramesInlineStylesAndDataImagesStayAllowed() {
        String policy = new CookieProbe(sessions, Map.of()).spaPageHeaders().getFirst("Content-Security-Policy");
        assertThat(directive(policy, "style-src")).contains("'unsafe-inline'");
        assertThat(directive(policy, "img-src")).contains("data:");
    }

    @Test
    void graphiqlIsTheAppsOwnBundleUnderTheSpaPolicy() {
        var browser = sessions.signIn("alice", TestAccounts.PASSWORD);
        var response = browser.client()
                .get()
                .uri("/graphiql")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        var page = Jsoup.parse(response.getResponseBody());
        assertThat(page.title()).contains("GraphiQL");
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("script[src], link[href]"))
                .allSatisfy(element ->
                        assertThat(element.attr("src") + element.attr("href")).startsWith("/assets/"));
        String policy = response.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(directive(policy, "script-src")).isEqualTo("script-src 'self'");
        assertThat(directive(policy, "connect-src")).isEqualTo("connect-src 'self'");
    }

    @Test
    void graphiqlNeedsASignIn() {
        sessions.client()
                .get()
                .uri("/graphiql")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/login");
    }

    static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";"))
                .map(String::trim)
                .filter(part -> part.startsWith(name + " "))
                .findFirst()
                .orElseThrow();
    }
}
