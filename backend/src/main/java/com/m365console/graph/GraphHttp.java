package com.m365console.graph;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Graph request with its bearer token, answered as JSON: on 429 or 503 it waits as {@code Retry-After} says
 * (or backs off, doubling from a second, when Graph gives none) and tries again, up to the configured number of
 * times and never longer than the configured wait; a request that got no answer is retried the same way. Any
 * other refusal becomes a {@link GraphException}. Logs name the method and path only.
 */
final class GraphHttp {

    private static final Logger log = LoggerFactory.getLogger(GraphHttp.class);

    /** What came back: the status (0 when nothing did), the headers and the JSON body, or why nothing came. */
    private record Answer(int status, HttpHeaders headers, JsonNode body, Throwable failure) {}

    private final WebClient web;
    private final GraphProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    GraphHttp(WebClient.Builder builder, GraphProperties properties) {
        this.web = builder.clone()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(properties.maxResponseBytes()))
                .build();
        this.properties = properties;
    }

    JsonMapper json() {
        return json;
    }

    GraphProperties properties() {
        return properties;
    }

    Mono<JsonNode> get(URI uri, String accessToken, String prefer) {
        return attempt(() -> web.get().uri(uri).headers(h -> headers(h, accessToken, prefer)), "GET", uri, 0, true);
    }

    Mono<JsonNode> post(URI uri, String accessToken, JsonNode body) {
        return post(uri, accessToken, body, true);
    }

    /** A PATCH (renewing a subscription), retried as a GET is: doing it twice does no harm. */
    Mono<JsonNode> patch(URI uri, String accessToken, JsonNode body) {
        String text = json.writeValueAsString(body);
        return attempt(
                () -> web.patch()
                        .uri(uri)
                        .headers(h -> headers(h, accessToken, null))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(text),
                "PATCH",
                uri,
                0,
                true);
    }

    /** A DELETE, retried as a GET is. */
    Mono<JsonNode> delete(URI uri, String accessToken) {
        return attempt(() -> web.delete().uri(uri).headers(h -> headers(h, accessToken, null)), "DELETE", uri, 0, true);
    }

    /**
     * A POST that must not happen twice (sending mail): retried on 429 and 503, which Graph answers before doing
     * anything, but not when no answer came, since the request may have been carried out.
     */
    Mono<JsonNode> postOnce(URI uri, String accessToken, JsonNode body) {
        return post(uri, accessToken, body, false);
    }

    private Mono<JsonNode> post(URI uri, String accessToken, JsonNode body, boolean retryUnanswered) {
        String text = json.writeValueAsString(body);
        return attempt(
                () -> web.post()
                        .uri(uri)
                        .headers(h -> headers(h, accessToken, null))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(text),
                "POST",
                uri,
                0,
                retryUnanswered);
    }

    /** How long Graph asked to wait: delta-seconds or an HTTP date; null when it did not say. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        return retryAfter(value);
    }

    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** The wait before retry {@code attempt} (0-based) when Graph named none: 1 s, 2 s, 4 s, ... */
    Duration backoff(int attempt) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempt, 10));
        return wait.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : wait;
    }

    private Mono<JsonNode> attempt(
            Supplier<WebClient.RequestHeadersSpec<?>> request,
            String method,
            URI uri,
            int attempt,
            boolean retryUnanswered) {
        return request.get()
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Answer(
                                response.statusCode().value(),
                                response.headers().asHttpHeaders(),
                                parse(body),
                                null)))
                .timeout(properties.requestTimeout())
                .onErrorResume(failure -> Mono.just(new Answer(0, null, null, failure)))
                .flatMap(answer -> handle(answer, request, method, uri, attempt, retryUnanswered));
    }

    private Mono<JsonNode> handle(
            Answer answer,
            Supplier<WebClient.RequestHeadersSpec<?>> request,
            String method,
            URI uri,
            int attempt,
            boolean retryUnanswered) {
        log.debug("Microsoft Graph {} {}: {}", method, uri.getRawPath(), answer.status());
        if (answer.status() >= 200 && answer.status() < 300) {
            return Mono.just(answer.body() == null ? json.createObjectNode() : answer.body());
        }
        boolean retriable =
                (answer.status() == 0 && retryUnanswered) || answer.status() == 429 || answer.status() == 503;
        Duration asked = retryAfter(answer.headers());
        Duration wait = asked != null ? asked : backoff(attempt);
        if (retriable && attempt < properties.maxRetries() && wait.compareTo(properties.maxRetryAfter()) <= 0) {
            log.debug("Microsoft Graph {} {}: retrying in {} ms", method, uri.getRawPath(), wait.toMillis());
            return Mono.delay(wait).then(Mono.defer(() -> attempt(request, method, uri, attempt + 1, retryUnanswered)));
        }
        if (answer.status() == 0) {
            return Mono.error(
                    GraphErrors.unreachable(uri.getScheme() + "://" + uri.getAuthority(), describe(answer.failure())));
        }
        return Mono.error(GraphErrors.fromResponse(answer.status(), answer.body(), asked));
    }

    private static void headers(HttpHeaders headers, String accessToken, String prefer) {
        headers.setBearerAuth(accessToken);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        if (prefer != null) {
            headers.set("Prefer", prefer);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return "no answer in time";
        }
        return failure == null
                ? "no answer"
                : "no answer: " + failure.getClass().getSimpleName();
    }
}
