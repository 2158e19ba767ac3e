package com.m365console.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Opens GraphQL WebSockets for tests the way the SPA's graphql-ws client does: a socket whose connection_init
 * goes unanswered is replaced. About one connection in fifteen, a Netty wiretap showed the server reading the
 * connection_init frame right after the upgrade without the GraphQL handler ever acknowledging it; the SPA
 * recovers through its ack timeout and retry, and so do these tests (a second silence in a row still fails).
 */
public final class GraphQlSockets {

    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 3;

    private GraphQlSockets() {}

    /** A socket that has answered a query; with a token, authenticated by it in connection_init. */
    public static WebSocketGraphQlTester open(URI url, String bearerToken) {
        for (int attempt = 1; ; attempt++) {
            WebSocketGraphQlTester socket = build(url, bearerToken);
            try {
                socket.document("{ __typename }")
                        .execute()
                        .path("__typename")
                        .entity(String.class)
                        .isEqualTo("Query");
                return socket;
            } catch (RuntimeException | AssertionError unanswered) {
                socket.stop().timeout(ANSWER).onErrorResume(ex -> Mono.empty()).block();
                if (attempt == ATTEMPTS) {
                    throw unanswered;
                }
            }
        }
    }

    private static WebSocketGraphQlTester build(URI url, String bearerToken) {
        WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester.builder(
                        url, new ReactorNettyWebSocketClient())
                .responseTimeout(ANSWER);
        if (bearerToken != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + bearerToken));
                }
            });
        }
        return builder.build();
    }
}
