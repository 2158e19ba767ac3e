package com.m365console.testsupport.microsoft.graph;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Microsoft Graph's error body, as documented ("Microsoft Graph error responses"): {@code error.code},
 * {@code error.message} and {@code error.innerError} with {@code date}, {@code request-id} and
 * {@code client-request-id} (the caller's, echoed, else the request id).
 */
final class GraphErrorJson {

    private GraphErrorJson() {}

    static GraphResponse error(int status, String code, String message, GraphRequest request) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = request == null || request.header("client-request-id") == null
                ? requestId
                : request.header("client-request-id");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put(
                "date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        return new GraphResponse(status, new LinkedHashMap<>(), Map.of("error", error))
                .withHeader("request-id", requestId)
                .withHeader("client-request-id", clientRequestId);
    }

    static GraphResponse notFound(GraphRequest request) {
        return error(404, "ErrorItemNotFound", "The specified object was not found in the store.", request);
    }

    static GraphResponse badRequest(String message, GraphRequest request) {
        return error(400, "BadRequest", message, request);
    }
}
