package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which handshakes count as coming from the app's own pages, with and without a public base URL. */
class OwnPagesTest {

    private static final URI HANDSHAKE = URI.create("ws://console.contoso.com/graphql");

    @Test
    void withAPublicBaseUrlOnlyItsOriginCounts() {
        OwnPages pages = new OwnPages(Optional.of(URI.create("https://Console.Contoso.com")));

        assertThat(pages.sent("https://console.contoso.com", HANDSHAKE)).isTrue();
        assertThat(pages.sent("https://console.contoso.com:443", HANDSHAKE)).isTrue();
        assertThat(pages.sent("http://console.contoso.com", HANDSHAKE))
                .as("another scheme")
                .isFalse();
        assertThat(pages.sent("https://console.contoso.com:8443", HANDSHAKE))
                .as("another port")
                .isFalse();
        assertThat(pages.sent("https://evil.example", URI.create("ws://evil.example/graphql")))
                .as("a stranger's Host header changes nothing")
                .isFalse();
    }

    @Test
    void withoutOneTheOriginMustNameTheHandshakesHostAndPort() {
        OwnPages pages = new OwnPages(Optional.empty());

        assertThat(pages.sent("https://console.contoso.com", HANDSHAKE)).isTrue();
        assertThat(pages.sent("http://localhost:8080", URI.create("ws://localhost:8080/graphql")))
                .isTrue();
        assertThat(pages.sent("http://localhost:8081", URI.create("ws://localhost:8080/graphql")))
                .isFalse();
        assertThat(pages.sent("https://console.contoso.com.evil.example", HANDSHAKE))
                .isFalse();
    }

    @Test
    void noOriginOrAMalformedOneNeverCounts() {
        assertThat(new OwnPages(Optional.empty()).sent(null, HANDSHAKE)).isFalse();
        assertThat(new OwnPages(Optional.empty()).sent("", HANDSHAKE)).isFalse();
        assertThat(new OwnPages(Optional.empty()).sent("null", HANDSHAKE)).isFalse();
        assertThat(new OwnPages(Optional.of(URI.create("https://console.contoso.com"))).sent("ht tp://x y", HANDSHAKE))
                .isFalse();
    }
}
