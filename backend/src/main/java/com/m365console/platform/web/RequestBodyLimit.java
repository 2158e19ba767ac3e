package com.m365console.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the server reads: {@code spring.http.codecs.max-in-memory-size}, which the JSON and
 * form readers enforce; named here once so the 413 answer can say it.
 */
@Component
public class RequestBodyLimit {

    private final DataSize limit;

    RequestBodyLimit(@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize limit) {
        this.limit = limit;
    }

    public long bytes() {
        return limit.toBytes();
    }

    String message() {
        long kib = limit.toKilobytes();
        String size = kib * 1024 == limit.toBytes() ? kib + " KB" : limit.toBytes() + " bytes";
        return "The request body is larger than " + size + ", the most this server accepts";
    }
}
