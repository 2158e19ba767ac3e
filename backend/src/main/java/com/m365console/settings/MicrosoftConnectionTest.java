package com.m365console.settings;

import com.m365console.microsoft.MicrosoftEndpoints;
import com.m365console.microsoft.MicrosoftErrors;
import com.m365console.platform.ratelimit.OperationRateLimits;
import com.m365console.platform.ratelimit.RateLimitedOperation;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * "Test connection" (better than Oro): asks Microsoft for an app-only token with the saved registration,
 * so a wrong client ID, secret or tenant shows up on the settings page, not at a user's first sign-in.
 * Limited per app registration (client ID and tenant), since each test is a request to Microsoft.
 */
@Service
class MicrosoftConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final MicrosoftSettingsService settings;
    private final MicrosoftEndpoints endpoints;
    private final WebClient webClient;
    private final OperationRateLimits limits;

    MicrosoftConnectionTest(
            MicrosoftSettingsService settings,
            MicrosoftEndpoints endpoints,
            WebClient.Builder webClientBuilder,
            OperationRateLimits limits) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.webClient = webClientBuilder.build();
        this.limits = limits;
    }

    Mono<TestMicrosoftConnectionPayload> run() {
        return settings.credentials().flatMap(credentials -> {
            MicrosoftSettings current = credentials.settings();
            if (!current.credentialsComplete()) {
                return Mono.just(TestMicrosoftConnectionPayload.failed(
                        "Save the Application (Client) ID, Client " + "Secret and Directory (Tenant) ID first.", null));
            }
            if (MicrosoftSettingsUpdate.TENANT_KEYWORDS.contains(
                    current.tenant().value())) {
                return Mono.just(TestMicrosoftConnectionPayload.failed(
                        "Test connection needs the application's "
                                + "own Directory (Tenant) ID (a GUID or domain): with "
                                + current.tenant().value()
                                + " Microsoft issues no app-only token.",
                        null));
            }
            return credentials.hasSecret()
                    ? limits.within(
                            RateLimitedOperation.TEST_MICROSOFT_CONNECTION,
                            registration(current),
                            TestMicrosoftConnectionPayload::rateLimited,
                            () -> requestToken(current, credentials.clientSecret()))
                    : Mono.empty();
        });
    }

    private Mono<TestMicrosoftConnectionPayload> requestToken(MicrosoftSettings current, String secret) {
        var cloud = current.cloud().value();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("client_id", current.clientId().value());
        form.add("client_secret", secret);
        form.add("scope", endpoints.graphAppScope(cloud));
        form.add("grant_type", "client_credentials");
        String tokenUrl = endpoints.token(cloud, current.tenant().value());
        return webClient
                .post()
                .uri(tokenUrl)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(response -> response.bodyToMono(JSON)
                        .defaultIfEmpty(Map.of())
                        .map(body -> response.statusCode().is2xxSuccessful() && body.containsKey("access_token")
                                ? TestMicrosoftConnectionPayload.succeeded()
                                : TestMicrosoftConnectionPayload.refused(
                                        body.containsKey("error")
                                                ? MicrosoftErrors.describe(body)
                                                : MicrosoftErrors.describe(
                                                        "http_"
                                                                + response.statusCode()
                                                                        .value(),
                                                        "Microsoft answered HTTP "
                                                                + response.statusCode()
                                                                        .value()))))
                .timeout(TIMEOUT)
                .onErrorResume(
                        TimeoutException.class,
                        ex -> Mono.just(TestMicrosoftConnectionPayload.failed(
                                "Microsoft did not answer within " + TIMEOUT.toSeconds() + " seconds (" + tokenUrl
                                        + ").",
                                null)))
                .onErrorResume(
                        WebClientRequestException.class,
                        ex -> Mono.just(TestMicrosoftConnectionPayload.failed(
                                "Could not reach " + tokenUrl + ": "
                                        + ex.getMostSpecificCause().getMessage(),
                                null)));
    }

    /** The rate limit's subject: one app registration in one tenant of one cloud. */
    private static String registration(MicrosoftSettings current) {
        return current.cloud().value() + ":" + current.tenant().value().toLowerCase(Locale.ROOT) + ":"
                + current.clientId().value().toLowerCase(Locale.ROOT);
    }
}
