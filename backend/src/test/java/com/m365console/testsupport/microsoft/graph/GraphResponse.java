package com.m365console.testsupport.microsoft.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the fake Graph answers to one request, before it is written to the wire or into a batch response. */
record GraphResponse(int status, Map<String, String> headers, Object body) {

    static GraphResponse ok(Object body) {
        return new GraphResponse(200, new LinkedHashMap<>(), body);
    }

    GraphResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GraphResponse(status, more, body);
    }
}
