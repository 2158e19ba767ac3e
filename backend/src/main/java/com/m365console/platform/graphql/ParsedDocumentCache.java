package com.m365console.platform.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parses and validates each distinct query text once: the SPA and API clients send the same few documents over and
 * over, and parsing plus validation cost a tenth of a small request's CPU. Bounded in entries and in the length of
 * the texts it keeps, so unique queries cannot grow it; it only ever holds what any instance can recompute.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int MAX_ENTRIES = 512;
    static final int MAX_QUERY_LENGTH = 16 * 1024;

    private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry cached = documents.get(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (query.length() <= MAX_QUERY_LENGTH) {
            if (documents.size() >= MAX_ENTRIES) {
                documents.clear();
            }
            documents.put(query, parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }

    int size() {
        return documents.size();
    }
}
