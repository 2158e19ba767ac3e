package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Eventually;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The credential's expiry as the gauge m365_microsoft_credential_expires_in_days that an administrator's Prometheus
 * scrapes (README "Health and metrics"): NaN while Microsoft Graph cannot tell, the days left once it can. Nothing
 * here asks for the credential status: the gauge follows the expiry check by itself.
 */
@TestPropertySource(properties = "m365.microsoft.credential-check-on-save=true")
class CredentialExpiryMetricTest extends Microsoft365TestBase {

    private static final Pattern GAUGE =
            Pattern.compile("(?m)^m365_microsoft_credential_expires_in_days(?:\\{[^}]*})? (\\S+)$");

    HttpGraphQlTester admin;
    String adminToken;

    @BeforeEach
    void registerApp() throws Exception {
        resetWithRegisteredApp();
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
        adminToken = admin.document("mutation { createApiToken(input: {name: \"scraper\"}) { secret } }")
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    @Test
    void theGaugeIsUnknownUntilGraphTellsTheExpiryThenCountsTheDaysLeft() {
        microsoft.allowApplicationRead(clientId, false);
        saveSecret();
        Eventually.until(
                "the gauge says unknown",
                Duration.ofSeconds(10),
                () -> Double.isNaN(gauge()),
                () -> "gauge " + gauge());

        microsoft.allowApplicationRead(clientId, true);
        microsoft.secretEndDateTime(
                clientId, Instant.now().plus(Duration.ofDays(10)).plusSeconds(3600));
        saveSecret();

        Eventually.until(
                "the gauge counts 10 days", Duration.ofSeconds(10), () -> gauge() == 10, () -> "gauge " + gauge());
        assertThat(scrape()).contains("# TYPE m365_microsoft_credential_expires_in_days gauge");

        microsoft.secretEndDateTime(
                clientId, Instant.now().minus(Duration.ofDays(3)).plusSeconds(3600));
        saveSecret();

        Eventually.until(
                "the gauge goes negative once expired",
                Duration.ofSeconds(10),
                () -> gauge() == -3,
                () -> "gauge " + gauge());
    }

    private double gauge() {
        Matcher sample = GAUGE.matcher(scrape());
        assertThat(sample.find()).as("the gauge is exported").isTrue();
        return Double.parseDouble(sample.group(1));
    }

    private String scrape() {
        return new String(
                sessions.client()
                        .get()
                        .uri("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                        .accept(MediaType.TEXT_PLAIN)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
    }

    private void saveSecret() {
        admin.documentName("updateMicrosoftSettings")
                .variable("input", Map.of("clientSecret", Map.of("replaceWith", SECRET)))
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
    }
}
