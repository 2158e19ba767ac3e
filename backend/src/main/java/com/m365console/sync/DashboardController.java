package com.m365console.sync;

import com.m365console.mailbox.MailboxDirectory;
import com.m365console.settings.MicrosoftCredentialStatus;
import com.m365console.settings.MicrosoftCredentialStatusService;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry point of the Dashboard; what a caller oversees is decided by {@link MailboxDirectory}. */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final MicrosoftCredentialStatusService credentials;

    DashboardController(DashboardService dashboards, MicrosoftCredentialStatusService credentials) {
        this.dashboards = dashboards;
        this.credentials = credentials;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Dashboard> dashboard(Authentication authentication) {
        return dashboards.of(authentication);
    }

    /** The credential is an administrator's concern: a user's Dashboard has none, rather than an error. */
    @SchemaMapping(typeName = "Dashboard")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<MicrosoftCredentialStatus> credential(Dashboard dashboard, Authentication authentication) {
        return MailboxDirectory.isAdmin(authentication) ? credentials.current() : Mono.empty();
    }
}
