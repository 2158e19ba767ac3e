package com.m365console.testsupport.microsoft.graph;

import java.util.Map;

/**
 * A request the fake Graph answered, for tests counting round trips or checking what was asked: {@code batched}
 * when it came inside a {@code $batch}; headers by lower-case name.
 */
public record RecordedRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        int status,
        boolean batched) {}
