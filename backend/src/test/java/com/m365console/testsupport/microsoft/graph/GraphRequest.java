package com.m365console.testsupport.microsoft.graph;

import java.util.Map;

/**
 * One request to the fake Graph, from the wire or from inside a {@code $batch}: so both take the same route. The
 * path starts at {@code /v1.0}, the query is decoded, header names are lower case.
 */
record GraphRequest(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
