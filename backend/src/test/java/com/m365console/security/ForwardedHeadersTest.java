package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.settings.RedirectUris;
import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a TLS-terminating proxy whose forwarded headers the admin said to trust
 * ({@code server.forward-headers-strategy=framework}): cookies are Secure and HSTS goes out for HTTPS
 * requests, while a plain HTTP request still gets neither.
 */
@IntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ForwardedHeadersTest {

    static final Map<String, String> PROXY_HTTPS =
            Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "console.example.com");

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
    void overForwardedHttpsBothCookiesAreSecureAndStillLax() {
        var probe = new CookieProbe(sessions, PROXY_HTTPS);
        var session = probe.sessionCookie();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        var csrf = probe.csrfCookie();
        assertThat(csrf.isSecure()).isTrue();
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void theStandardForwardedHeaderCountsToo() {
        var probe = new CookieProbe(sessions, Map.of("Forwarded", "proto=https;host=console.example.com"));
        assertThat(probe.sessionCookie().isSecure()).isTrue();
        assertThat(probe.spaPageHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
    }

    @Test
    void hstsGoesOutOnlyOverHttps() {
        assertThat(new CookieProbe(sessions, PROXY_HTTPS).spaPageHeaders().getFirst("Strict-Transport-Security"))
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(new CookieProbe(sessions, Map.of()).spaPageHeaders().containsHeader("Strict-Transport-Security"))
                .isFalse();
    }

    @Test
    void overPlainHttpNothingIsSecure() {
        var probe = new CookieProbe(sessions, Map.of());
        assertThat(probe.sessionCookie().isSecure()).isFalse();
        assertThat(probe.csrfCookie().isSecure()).isFalse();
    }

    @Test
    void theRedirectUriFollowsTheTrustedProxyAndTheScreenSaysSo() {
        var admin = sessions.signIn("alice", TestAccounts.PASSWORD)
                .graphQl()
                .mutate()
                .headers(headers -> PROXY_HTTPS.forEach(headers::set))
                .build();
        var settings = admin.documentName("microsoftSettings")
                .execute()
                .path("microsoftSettings")
                .entity(Map.class)
                .get();
        assertThat(settings.get("redirectUriSource")).isEqualTo("REQUEST");
        assertThat(settings.get("forwardedHeadersTrusted")).isEqualTo(true);
        assertThat(settings.get("requestBaseUrl")).isEqualTo("https://console.example.com");
        assertThat(settings.get("redirectUri"))
                .isEqualTo("https://console.example.com" + RedirectUris.MICROSOFT_CALLBACK_PATH);
    }
}
