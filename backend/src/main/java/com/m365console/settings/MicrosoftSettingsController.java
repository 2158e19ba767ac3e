package com.m365console.settings;

import com.m365console.platform.graphql.InvalidArgumentException;
import com.m365console.platform.graphql.RequestBaseUrlInterceptor;
import com.m365console.security.SignedInAccount;
import java.net.URI;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL entry points for Microsoft Settings; administrators only. */
@Controller
class MicrosoftSettingsController {

    private static final int MAX_CHANGES = 200;

    private final MicrosoftSettingsService service;
    private final MicrosoftConnectionTest connectionTest;
    private final RedirectUris redirectUris;

    MicrosoftSettingsController(
            MicrosoftSettingsService service, MicrosoftConnectionTest connectionTest, RedirectUris redirectUris) {
        this.service = service;
        this.connectionTest = connectionTest;
        this.redirectUris = redirectUris;
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<MicrosoftSettings> microsoftSettings() {
        return service.current();
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Flux<SettingChange> settingChanges(@Argument Integer limit) {
        if (limit == null || limit < 1 || limit > MAX_CHANGES) {
            return Flux.error(new InvalidArgumentException("limit must be between 1 and " + MAX_CHANGES));
        }
        return service.changes(limit);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UpdateMicrosoftSettingsPayload> updateMicrosoftSettings(
            @Argument UpdateMicrosoftSettingsInput input, @AuthenticationPrincipal SignedInAccount principal) {
        return service.update(input, principal.accountId());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<TestMicrosoftConnectionPayload> testMicrosoftConnection() {
        return connectionTest.run();
    }

    @SchemaMapping(typeName = "MicrosoftSettings")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<URI> redirectUri(@ContextValue(name = RequestBaseUrlInterceptor.REQUEST_BASE_URL) String requestBaseUrl) {
        return Mono.just(redirectUris.microsoft(requestBaseUrl));
    }

    @SchemaMapping(typeName = "MicrosoftSettings")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<RedirectUris.Source> redirectUriSource() {
        return Mono.just(redirectUris.source());
    }

    @SchemaMapping(typeName = "MicrosoftSettings")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<URI> requestBaseUrl(@ContextValue(name = RequestBaseUrlInterceptor.REQUEST_BASE_URL) String requestBaseUrl) {
        return Mono.just(URI.create(requestBaseUrl));
    }

    @SchemaMapping(typeName = "MicrosoftSettings")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Boolean> forwardedHeadersTrusted() {
        return Mono.just(redirectUris.forwardedHeadersTrusted());
    }
}
