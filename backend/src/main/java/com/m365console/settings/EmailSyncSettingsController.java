package com.m365console.settings;

import com.m365console.security.SignedInAccount;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry points for the Email Synchronization Settings; administrators only. */
@Controller
class EmailSyncSettingsController {

    private final EmailSyncSettingsService service;

    EmailSyncSettingsController(EmailSyncSettingsService service) {
        this.service = service;
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<EmailSyncSettings> emailSyncSettings() {
        return service.current();
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UpdateEmailSyncSettingsPayload> updateEmailSyncSettings(
            @Argument UpdateEmailSyncSettingsInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return service.update(input, principal.accountId());
    }
}
