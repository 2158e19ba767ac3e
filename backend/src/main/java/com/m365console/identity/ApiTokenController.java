package com.m365console.identity;

import com.m365console.security.SignedInAccount;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL entry points for the caller's own API tokens. */
@Controller
class ApiTokenController {

    private final ApiTokenService service;

    ApiTokenController(ApiTokenService service) {
        this.service = service;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Flux<ApiToken> apiTokens(@AuthenticationPrincipal SignedInAccount principal) {
        return service.list(principal.accountId());
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<CreateApiTokenPayload> createApiToken(
            @Argument CreateApiTokenInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return service.create(principal.accountId(), input);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<RevokeApiTokenPayload> revokeApiToken(
            @Argument RevokeApiTokenInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return service.revoke(principal.accountId(), input.id());
    }
}
