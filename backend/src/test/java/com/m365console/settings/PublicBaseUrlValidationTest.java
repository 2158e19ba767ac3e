package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The app refuses to start with an m365.public-base-url that cannot be the base of a Redirect URI, and says why. */
class PublicBaseUrlValidationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withBean(RedirectUris.class);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "console.example.com        | must start with https:// or http://",
                "ftp://console.example.com  | must start with https:// or http://",
                "https://                   | not a valid URL",
                "https:///console           | no host name",
                "https://console.example.com/?tenant=x | must not have a query (?) or fragment (#)",
                "https://console.example.com/#top      | must not have a query (?) or fragment (#)",
                "https://admin:pw@console.example.com  | must not contain a user name or password",
                "https://console example.com           | not a valid URL"
            })
    void anUnusableValueStopsTheStartWithAClearMessage(String value, String reason) {
        context.withPropertyValues("m365.public-base-url=" + value).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("m365.public-base-url is '" + value + "'")
                    .hasMessageContaining(reason)
                    .hasMessageContaining("e.g. https://console.example.com");
        });
    }

    @ParameterizedTest
    @CsvSource({"FRAMEWORK, true", "framework, true", "native, true", "none, false"})
    void forwardedHeadersAreTrustedExactlyWhenAStrategyIsSet(String strategy, boolean trusted) {
        context.withPropertyValues("server.forward-headers-strategy=" + strategy)
                .run(started -> assertThat(started.getBean(RedirectUris.class).forwardedHeadersTrusted())
                        .isEqualTo(trusted));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://console.example.com/", "http://localhost:8080", "https://example.com/console"})
    void aUsableValueIsTheBaseOfTheRedirectUri(String value) {
        context.withPropertyValues("m365.public-base-url=" + value).run(started -> {
            var uris = started.getBean(RedirectUris.class);
            assertThat(uris.source()).isEqualTo(RedirectUris.Source.CONFIGURED);
            assertThat(uris.microsoft("http://attacker.example").toString())
                    .isEqualTo(value.replaceAll("/$", "") + RedirectUris.MICROSOFT_CALLBACK_PATH);
        });
    }
}
