package com.m365console.platform.graphql;

import graphql.introspection.Introspection;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Schema introspection is for signed-in users (and their tools) only; anonymous callers get it disabled. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IntrospectionInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(auth -> auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
                .hasElement()
                .flatMap(signedIn -> {
                    if (!signedIn) {
                        request.configureExecutionInput((input, builder) -> builder.graphQLContext(
                                        Map.of(Introspection.INTROSPECTION_DISABLED, true))
                                .build());
                    }
                    return chain.next(request);
                });
    }
}
