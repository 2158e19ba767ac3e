package com.m365console.microsoft;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reads a tenant's OpenID discovery document for its issuer. For organizations/common Microsoft answers
 * the template {@code .../{tenantid}/v2.0}; for a tenant id or domain, that tenant's exact issuer.
 */
@Component
public class MicrosoftDiscovery {

    private static final Duration CACHE_FOR = Duration.ofMinutes(10);

    private final WebClient webClient;
    private final MicrosoftEndpoints endpoints;
    private final Map<String, Mono<String>> issuers = new ConcurrentHashMap<>();

    MicrosoftDiscovery(WebClient.Builder webClientBuilder, MicrosoftEndpoints endpoints) {
        this.webClient = webClientBuilder.build();
        this.endpoints = endpoints;
    }

    public Mono<String> issuer(Cloud cloud, String tenant) {
        String url = endpoints.discovery(cloud, tenant);
        return issuers.computeIfAbsent(url, this::fetchIssuer).onErrorResume(ex -> {
            issuers.remove(url);
            return Mono.error(ex);
        });
    }

    private Mono<String> fetchIssuer(String url) {
        return webClient
                .get()
                .uri(url)
                .retrieve()
                .bodyToMono(Map.class)
                .map(document -> String.valueOf(document.get("issuer")))
                .timeout(Duration.ofSeconds(10))
                .cache(issuer -> CACHE_FOR, ex -> Duration.ZERO, () -> Duration.ZERO);
    }
}
