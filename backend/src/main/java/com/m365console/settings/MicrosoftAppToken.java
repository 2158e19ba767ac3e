package com.m365console.settings;

import com.m365console.microsoft.MicrosoftEndpoints;
import com.m365console.microsoft.MicrosoftError;
import com.m365console.microsoft.MicrosoftErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * Asks Microsoft for an app-only token (client credentials) for Microsoft Graph with the saved registration and its
 * credential, secret or certificate, and says what came of it: the token, Microsoft's refusal explained, or why
 * Microsoft could not be asked. A refusal of the credential as expired is recorded for every admin to see. Public
 * for the shared mailboxes reached with the application's own permission, whose Graph token is this one.
 */
@Component
public class MicrosoftAppToken {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    /** What came of one request: the token with its expiry, a refusal, or a failure (exactly one is set). */
    public record Result(String accessToken, Instant expiresAt, MicrosoftError refusal, String failure) {}

    private final MicrosoftEndpoints endpoints;
    private final MicrosoftClientAuthentication authentication;
    private final MicrosoftCredentialRejections rejections;
    private final WebClient webClient;

    MicrosoftAppToken(
            MicrosoftEndpoints endpoints,
            MicrosoftClientAuthentication authentication,
            MicrosoftCredentialRejections rejections,
            WebClient.Builder webClientBuilder) {
        this.endpoints = endpoints;
        this.authentication = authentication;
        this.rejections = rejections;
        this.webClient = webClientBuilder.build();
    }

    public Mono<Result> request(MicrosoftCredentials credentials) {
        MicrosoftSettings current = credentials.settings();
        var cloud = current.cloud().value();
        String tokenUrl = endpoints.token(cloud, current.tenant().value());
        var form = new LinkedMultiValueMap<String, String>();
        form.add("client_id", current.clientId().value());
        form.add("scope", endpoints.graphAppScope(cloud));
        form.add("grant_type", "client_credentials");
        form.addAll(authentication.clientCredentialsParameters(authentication.authenticate(
                ClientRegistration.withRegistrationId("microsoft-app")
                        .clientId(current.clientId().value())
                        .tokenUri(tokenUrl),
                credentials)));
        return webClient
                .post()
                .uri(tokenUrl)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(response -> response.bodyToMono(JSON)
                        .defaultIfEmpty(Map.of())
                        .map(body -> response.statusCode().is2xxSuccessful() && body.get("access_token") != null
                                ? new Result(String.valueOf(body.get("access_token")), expiry(body), null, null)
                                : new Result(
                                        null,
                                        null,
                                        body.containsKey("error")
                                                ? MicrosoftErrors.describe(body)
                                                : MicrosoftErrors.describe(
                                                        "http_"
                                                                + response.statusCode()
                                                                        .value(),
                                                        "Microsoft answered HTTP "
                                                                + response.statusCode()
                                                                        .value()),
                                        null)))
                .timeout(TIMEOUT)
                .onErrorResume(
                        TimeoutException.class,
                        ex -> Mono.just(new Result(
                                null,
                                null,
                                null,
                                "Microsoft did not answer within " + TIMEOUT.toSeconds() + " seconds (" + tokenUrl
                                        + ").")))
                .onErrorResume(
                        WebClientRequestException.class,
                        ex -> Mono.just(new Result(
                                null,
                                null,
                                null,
                                "Could not reach " + tokenUrl + ": "
                                        + ex.getMostSpecificCause().getMessage())))
                .flatMap(result -> result.refusal() == null
                        ? Mono.just(result)
                        : rejections.record(credentials, result.refusal()).thenReturn(result));
    }

    private static Instant expiry(Map<String, Object> body) {
        Object seconds = body.get("expires_in");
        long life = seconds == null ? 3600 : Long.parseLong(String.valueOf(seconds));
        return Instant.now().plusSeconds(life);
    }
}
