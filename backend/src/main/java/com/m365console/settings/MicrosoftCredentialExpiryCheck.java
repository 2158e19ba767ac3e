package com.m365console.settings;

import com.m365console.microsoft.MicrosoftEndpoints;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Finds out when the credential in use expires and stores it for every instance: a certificate says so itself; a
 * client secret's end is read through Microsoft Graph, the registration reading itself (its passwordCredentials:
 * the one whose hint starts the secret, else the latest), which needs the Application.Read.All permission. Runs
 * after each save and Test connection, and periodically, one instance per period.
 */
@Component
class MicrosoftCredentialExpiryCheck {

    static final String GRAPH_REFUSED = "Microsoft Graph refused to show the client secret's expiry: grant the "
            + "application the Application.Read.All application permission (Azure portal > App registrations > API "
            + "permissions > Add > Microsoft Graph > Application permissions, then Grant admin consent) to show the "
            + "expiry here.";
    private static final Logger log = LoggerFactory.getLogger(MicrosoftCredentialExpiryCheck.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final int HINT_LENGTH = 3;

    private final MicrosoftSettingsService settings;
    private final MicrosoftAppToken appToken;
    private final MicrosoftEndpoints endpoints;
    private final MicrosoftCredentialStatusRepository statuses;
    private final WebClient webClient;
    private final Duration every;
    private final boolean onSave;

    MicrosoftCredentialExpiryCheck(
            MicrosoftSettingsService settings,
            MicrosoftAppToken appToken,
            MicrosoftEndpoints endpoints,
            MicrosoftCredentialStatusRepository statuses,
            WebClient.Builder webClientBuilder,
            @Value("${m365.microsoft.credential-check-interval:PT6H}") Duration every,
            @Value("${m365.microsoft.credential-check-on-save:true}") boolean onSave) {
        this.settings = settings;
        this.appToken = appToken;
        this.endpoints = endpoints;
        this.statuses = statuses;
        this.webClient = webClientBuilder.build();
        this.every = every;
        this.onSave = onSave;
    }

    /** The periodic check: at most one instance per period checks the credential in use. */
    @Scheduled(
            fixedDelayString = "${m365.microsoft.credential-check-poll:PT5M}",
            initialDelayString = "${m365.microsoft.credential-check-poll:PT5M}")
    Mono<Void> checkPeriodically() {
        return settings.credentials()
                .filter(credentials -> credentials.settings().credentialsComplete() && credentials.usable())
                .filterWhen(credentials -> statuses.claimCheck(credentials.tag(), every))
                .flatMap(this::check)
                .onErrorResume(ex -> {
                    log.warn("Could not check when the Microsoft credential expires: {}", ex.toString());
                    return Mono.empty();
                });
    }

    /** A save may have put another credential in use: tell every instance, and check the new one. */
    @EventListener
    void credentialsSaved(MicrosoftCredentialsSaved saved) {
        statuses.announce()
                .then(settings.credentials())
                .filter(credentials -> onSave && credentials.settings().credentialsComplete() && credentials.usable())
                .flatMap(this::check)
                .onErrorResume(ex -> {
                    log.warn("Could not check the Microsoft credential after a save: {}", ex.toString());
                    return Mono.empty();
                })
                .subscribe();
    }

    Mono<Void> check(MicrosoftCredentials credentials) {
        ClientCertificate certificate = credentials.certificateInUse();
        if (certificate != null) {
            return statuses.recordExpiry(credentials.tag(), certificate.notAfter(), null);
        }
        return appToken.request(credentials).flatMap(result -> {
            if (result.accessToken() == null) {
                String why = result.refusal() != null ? result.refusal().message() : result.failure();
                return statuses.recordExpiry(
                        credentials.tag(), null, "The expiry could not be read: Microsoft gave no token (" + why + ")");
            }
            return checkWith(credentials, result.accessToken());
        });
    }

    /** As {@link #check}, with an app-only token already given by Microsoft (Test connection's). */
    Mono<Void> checkWith(MicrosoftCredentials credentials, String accessToken) {
        ClientCertificate certificate = credentials.certificateInUse();
        if (certificate != null) {
            return statuses.clearRejection(credentials.tag())
                    .then(statuses.recordExpiry(credentials.tag(), certificate.notAfter(), null));
        }
        return statuses.clearRejection(credentials.tag())
                .then(readExpiry(credentials, accessToken))
                .flatMap(found -> statuses.recordExpiry(credentials.tag(), found.expiresAt(), found.note()));
    }

    private record Found(OffsetDateTime expiresAt, String note) {}

    private Mono<Found> readExpiry(MicrosoftCredentials credentials, String accessToken) {
        MicrosoftSettings current = credentials.settings();
        URI url = URI.create(endpoints.graphApplicationCredentials(
                current.cloud().value(), current.clientId().value()));
        return webClient
                .get()
                .uri(url)
                .headers(headers -> headers.setBearerAuth(accessToken))
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.bodyToMono(JSON)
                        .defaultIfEmpty(Map.of())
                        .map(body -> {
                            if (response.statusCode().is2xxSuccessful()) {
                                return fromApplication(body, credentials.clientSecret());
                            }
                            if (response.statusCode().value() == HttpStatus.FORBIDDEN.value()) {
                                return new Found(null, GRAPH_REFUSED);
                            }
                            return new Found(
                                    null,
                                    "The expiry could not be read: Microsoft Graph answered HTTP "
                                            + response.statusCode().value() + graphError(body) + ".");
                        }))
                .timeout(MicrosoftAppToken.TIMEOUT)
                .onErrorResume(ex -> Mono.just(new Found(
                        null,
                        "The expiry could not be read: Microsoft Graph could not be reached (" + url.getHost()
                                + ").")));
    }

    /** The secret in use's passwordCredential (by its hint, the secret's first characters), else the latest one. */
    private static Found fromApplication(Map<String, Object> application, String secret) {
        List<Map<?, ?>> passwords = application.get("passwordCredentials") instanceof List<?> list
                ? list.stream()
                        .filter(Map.class::isInstance)
                        .<Map<?, ?>>map(item -> (Map<?, ?>) item)
                        .filter(item -> item.get("endDateTime") instanceof String)
                        .toList()
                : List.of();
        if (passwords.isEmpty()) {
            return new Found(null, "Microsoft Graph lists no client secret for this application.");
        }
        String hint = secret != null && secret.length() >= HINT_LENGTH ? secret.substring(0, HINT_LENGTH) : null;
        Comparator<OffsetDateTime> order = Comparator.naturalOrder();
        List<OffsetDateTime> matching = passwords.stream()
                .filter(item -> hint != null && hint.equals(item.get("hint")))
                .map(item -> OffsetDateTime.parse((String) item.get("endDateTime")))
                .toList();
        List<OffsetDateTime> candidates = matching.isEmpty()
                ? passwords.stream()
                        .map(item -> OffsetDateTime.parse((String) item.get("endDateTime")))
                        .toList()
                : matching;
        return new Found(candidates.stream().filter(Objects::nonNull).max(order).orElseThrow(), null);
    }

    private static String graphError(Map<String, Object> body) {
        return body.get("error") instanceof Map<?, ?> error && error.get("code") != null
                ? " (" + error.get("code") + ")"
                : "";
    }
}
