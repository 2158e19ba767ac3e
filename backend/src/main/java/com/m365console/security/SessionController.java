package com.m365console.security;

import java.util.List;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry point for ending one's own sessions. */
@Controller
class SessionController {

    private final CredentialRevocations revocations;

    SessionController(CredentialRevocations revocations) {
        this.revocations = revocations;
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    Mono<SignOutEverywherePayload> signOutEverywhere(@AuthenticationPrincipal SignedInAccount principal) {
        return revocations
                .signOutEverywhere(principal.accountId())
                .map(ended -> new SignOutEverywherePayload(ended.intValue(), List.of()));
    }
}
