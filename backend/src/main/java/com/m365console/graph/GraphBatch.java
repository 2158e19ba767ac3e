package com.m365console.graph;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several GETs in one {@code POST /v1.0/$batch} (at most 20, Graph's limit), answered by id. Steps Graph throttled
 * (429) or could not serve (503) inside the batch are sent again, alone, after the longest {@code Retry-After}
 * among them, within the client's retry bounds; what they answer then is what the caller gets.
 */
final class GraphBatch {

    static final int MAX_STEPS = 20;

    /** One step's answer: its status and body. */
    record Step(int status, JsonNode body, Duration retryAfter) {}

    private final GraphHttp http;

    GraphBatch(GraphHttp http) {
        this.http = http;
    }

    /** {@code urls}: id to URL relative to {@code /v1.0} (e.g. {@code /me/mailFolders/inbox}). */
    Mono<Map<String, Step>> get(URI batchUri, String accessToken, Map<String, String> urls) {
        if (urls.size() > MAX_STEPS) {
            return Mono.error(new IllegalArgumentException("A Graph batch takes at most " + MAX_STEPS + " requests"));
        }
        return round(batchUri, accessToken, urls, new LinkedHashMap<>(), 0);
    }

    private Mono<Map<String, Step>> round(
            URI batchUri, String accessToken, Map<String, String> urls, Map<String, Step> done, int attempt) {
        ObjectNode body = http.json().createObjectNode();
        ArrayNode requests = body.putArray("requests");
        urls.forEach((id, url) ->
                requests.addObject().put("id", id).put("method", "GET").put("url", url));
        return http.post(batchUri, accessToken, body).flatMap(answer -> {
            Map<String, String> again = new LinkedHashMap<>();
            Duration wait = Duration.ZERO;
            for (JsonNode response : answer.path("responses")) {
                String id = response.path("id").asString();
                int status = response.path("status").asInt();
                Duration retryAfter = GraphHttp.retryAfter(header(response.path("headers"), "Retry-After"));
                boolean retry = (status == 429 || status == 503)
                        && attempt < http.properties().maxRetries();
                Duration stepWait = retryAfter != null ? retryAfter : http.backoff(attempt);
                if (retry && stepWait.compareTo(http.properties().maxRetryAfter()) <= 0 && urls.containsKey(id)) {
                    again.put(id, urls.get(id));
                    wait = stepWait.compareTo(wait) > 0 ? stepWait : wait;
                } else {
                    done.put(id, new Step(status, response.get("body"), retryAfter));
                }
            }
            if (again.isEmpty()) {
                return Mono.just(Map.copyOf(done));
            }
            return Mono.delay(wait).then(Mono.defer(() -> round(batchUri, accessToken, again, done, attempt + 1)));
        });
    }

    private static String header(JsonNode headers, String name) {
        for (String key : List.copyOf(headers.propertyNames())) {
            if (key.equalsIgnoreCase(name)) {
                return headers.get(key).asString();
            }
        }
        return null;
    }
}
