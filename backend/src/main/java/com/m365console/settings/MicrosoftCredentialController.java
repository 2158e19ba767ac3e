package com.m365console.settings;

import com.m365console.security.SignedInAccount;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL entry points for the Microsoft credential: its status (live) and certificate credentials; admins only. */
@Controller
class MicrosoftCredentialController {

    private final MicrosoftCredentialStatusService status;
    private final MicrosoftCertificateService certificates;

    MicrosoftCredentialController(MicrosoftCredentialStatusService status, MicrosoftCertificateService certificates) {
        this.status = status;
        this.certificates = certificates;
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<MicrosoftCredentialStatus> microsoftCredentialStatus() {
        return status.current();
    }

    @SubscriptionMapping(name = "microsoftCredentialStatus")
    @PreAuthorize("hasRole('ADMIN')")
    Flux<MicrosoftCredentialStatus> microsoftCredentialStatusChanges() {
        return status.changes();
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<GenerateMicrosoftCertificatePayload> generateMicrosoftCertificate(
            @Argument GenerateMicrosoftCertificateInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return certificates.generate(input, principal.accountId());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UploadMicrosoftCertificatePayload> uploadMicrosoftCertificate(
            @Argument UploadMicrosoftCertificateInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return certificates.upload(input, principal.accountId());
    }
}
