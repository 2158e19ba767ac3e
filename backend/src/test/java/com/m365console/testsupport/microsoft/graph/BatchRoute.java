package com.m365console.testsupport.microsoft.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1.0/$batch} ("Combine multiple HTTP requests using JSON batching"): up to 20 requests, each with
 * an {@code id}, {@code method} and a {@code url} relative to the version, run with the batch's own bearer token
 * and answered in {@code responses} by id, each with its own status, headers and body (so one may be throttled
 * while the others succeed).
 */
final class BatchRoute {

    static final int MAX_REQUESTS = 20;

    private final JsonMapper json;

    BatchRoute(JsonMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    GraphResponse batch(GraphRequest outer, Function<GraphRequest, GraphResponse> route) throws GraphRefusal {
        Map<String, Object> body;
        try {
            body = outer.body() == null || outer.body().isBlank() ? Map.of() : json.readValue(outer.body(), Map.class);
        } catch (RuntimeException e) {
            throw invalid("Invalid batch payload format.", outer);
        }
        if (!(body.get("requests") instanceof List<?> requests) || requests.isEmpty()) {
            throw invalid("Invalid batch payload format.", outer);
        }
        if (requests.size() > MAX_REQUESTS) {
            throw invalid("The number of requests in a batch exceeds the maximum of " + MAX_REQUESTS + ".", outer);
        }
        Set<String> ids = new HashSet<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        for (Object item : requests) {
            if (!(item instanceof Map<?, ?> step) || !(step.get("id") instanceof String id) || !ids.add(id)) {
                throw invalid("Each request in a batch needs an id of its own.", outer);
            }
            if (!(step.get("method") instanceof String method) || !(step.get("url") instanceof String url)) {
                throw invalid("Each request in a batch needs a method and a url.", outer);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (outer.header("authorization") != null) {
                headers.put("authorization", outer.header("authorization"));
            }
            if (step.get("headers") instanceof Map<?, ?> own) {
                own.forEach((name, value) ->
                        headers.put(String.valueOf(name).toLowerCase(Locale.ROOT), String.valueOf(value)));
            }
            String relative = url.startsWith("/") ? url : "/" + url;
            int question = relative.indexOf('?');
            String path = "/v1.0" + (question < 0 ? relative : relative.substring(0, question));
            Map<String, String> query = question < 0 ? Map.of() : Urls.parse(relative.substring(question + 1));
            String stepBody = step.get("body") == null ? null : json.writeValueAsString(step.get("body"));
            GraphResponse answer =
                    route.apply(new GraphRequest(method.toUpperCase(Locale.ROOT), path, query, headers, stepBody));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("id", id);
            response.put("status", answer.status());
            response.put("headers", answer.headers());
            if (answer.body() != null) {
                response.put("body", answer.body());
            }
            responses.add(response);
        }
        return GraphResponse.ok(Map.of("responses", responses));
    }

    private static GraphRefusal invalid(String message, GraphRequest request) {
        return new GraphRefusal(GraphErrorJson.badRequest(message, request));
    }
}
