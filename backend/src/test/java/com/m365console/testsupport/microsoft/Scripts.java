package com.m365console.testsupport.microsoft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** What a test scripted for the next request (a failure, ID token claims) and what the fake was asked, in order. */
final class Scripts {

    private final AtomicReference<AadError> nextAuthorizeFailure = new AtomicReference<>();
    private final java.util.Queue<AadError> nextTokenFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicReference<Map<String, Object>> nextIdTokenClaims = new AtomicReference<>();
    private final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicReference<java.time.Duration> tokenDelay = new AtomicReference<>(java.time.Duration.ZERO);

    void failNextAuthorize(AadError error) {
        nextAuthorizeFailure.set(error);
    }

    AadError takeAuthorizeFailure() {
        return nextAuthorizeFailure.getAndSet(null);
    }

    void failNextToken(AadError error) {
        nextTokenFailures.add(error);
    }

    AadError takeTokenFailure() {
        return nextTokenFailures.poll();
    }

    void delayTokenResponses(java.time.Duration delay) {
        tokenDelay.set(delay);
    }

    java.time.Duration tokenDelay() {
        return tokenDelay.get();
    }

    void overrideNextIdToken(Map<String, Object> claims) {
        nextIdTokenClaims.set(Collections.unmodifiableMap(new LinkedHashMap<>(claims)));
    }

    Map<String, Object> takeIdTokenClaims() {
        Map<String, Object> claims = nextIdTokenClaims.getAndSet(null);
        return claims == null ? Map.of() : claims;
    }

    void recordAuthorize(Map<String, String> query) {
        authorizeRequests.add(Collections.unmodifiableMap(new LinkedHashMap<>(query)));
    }

    void recordToken(Map<String, String> form) {
        tokenRequests.add(Collections.unmodifiableMap(new LinkedHashMap<>(form)));
    }

    List<Map<String, String>> authorizeRequests() {
        return List.copyOf(authorizeRequests);
    }

    List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }
}
