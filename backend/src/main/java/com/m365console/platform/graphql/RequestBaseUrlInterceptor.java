package com.m365console.platform.graphql;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Puts the base URL the request came in on into the GraphQL context, for URLs the API hands out. It is the
 * request's own address: its Host header, or a proxy's forwarded headers only when
 * {@code server.forward-headers-strategy} makes the server apply them; a WebSocket's ws/wss becomes http/https.
 */
@Component
public class RequestBaseUrlInterceptor implements WebGraphQlInterceptor {

    /** Name of the GraphQL context value, for {@code @ContextValue}. */
    public static final String REQUEST_BASE_URL = "requestBaseUrl";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var uri = UriComponentsBuilder.fromUri(request.getUri().toUri())
                .replacePath(null)
                .replaceQuery(null)
                .fragment(null);
        String scheme = request.getUri().getScheme();
        if ("ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) {
            uri.scheme("wss".equalsIgnoreCase(scheme) ? "https" : "http");
        }
        String baseUrl = uri.build().toUriString();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(REQUEST_BASE_URL, baseUrl)).build());
        return chain.next(request);
    }
}
