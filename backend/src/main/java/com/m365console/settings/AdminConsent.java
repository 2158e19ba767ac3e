package com.m365console.settings;

import com.m365console.microsoft.MicrosoftEndpoints;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The admin-consent link for the registration on Microsoft Settings: what an administrator of the tenant follows
 * when Microsoft answers that the app's permissions need consent (AADSTS65001, AADSTS90094).
 */
@Component
public class AdminConsent {

    /** The state sent with the link; Microsoft's answer to the shared Redirect URI carries it back. */
    static final String STATE = "m365-admin-consent";

    private final MicrosoftSettingsService settings;
    private final MicrosoftEndpoints endpoints;
    private final RedirectUris redirectUris;

    AdminConsent(MicrosoftSettingsService settings, MicrosoftEndpoints endpoints, RedirectUris redirectUris) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.redirectUris = redirectUris;
    }

    /** The link for the current registration, or empty while no Client ID and tenant are set. */
    public Mono<Optional<String>> link(String requestBaseUrl) {
        return settings.current().map(current -> {
            String clientId = current.clientId().value();
            String tenant = current.tenant().value();
            if (clientId == null || tenant == null || requestBaseUrl == null) {
                return Optional.empty();
            }
            URI redirectUri = redirectUris.microsoft(requestBaseUrl);
            return Optional.of(endpoints.adminConsent(current.cloud().value(), tenant, clientId, redirectUri, STATE));
        });
    }
}
