package com.m365console.security;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry point for ending one's own sessions. */
@Controller
class SessionController {

    private final CredentialRevocations revocations;
    private final AuditEvents audit;

    SessionController(CredentialRevocations revocations, AuditEvents audit) {
        this.revocations = revocations;
        this.audit = audit;
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    Mono<SignOutEverywherePayload> signOutEverywhere(@AuthenticationPrincipal SignedInAccount principal) {
        return revocations
                .signOutEverywhere(principal.accountId())
                .flatMap(ended -> audit.record(AuditEvent.by(
                                AuditEvent.SIGNED_OUT_EVERYWHERE,
                                principal.accountId(),
                                Map.of("sessionsEnded", ended)))
                        .thenReturn(new SignOutEverywherePayload(ended.intValue(), List.of())));
    }
}
