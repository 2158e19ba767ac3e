package com.m365console.identity;

import com.m365console.microsoft.MicrosoftDiscovery;
import com.m365console.microsoft.MicrosoftEndpoints;
import com.m365console.settings.MicrosoftClientAuthentication;
import com.m365console.settings.MicrosoftCredentials;
import com.m365console.settings.MicrosoftSettingsService;
import com.m365console.settings.RedirectUris;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The "microsoft" OAuth client, built from the saved Microsoft Settings each time it is needed, so a save
 * takes effect at once. Absent while sign-in is disabled or the application registration is incomplete.
 */
@Component
public class MicrosoftClientRegistrations implements ReactiveClientRegistrationRepository {

    public static final String REGISTRATION_ID = "microsoft";
    /** Provider metadata key holding the issuer (or issuer template) from the tenant's discovery document. */
    public static final String ISSUER_METADATA = "issuer";

    private final MicrosoftSettingsService settings;
    private final MicrosoftEndpoints endpoints;
    private final MicrosoftDiscovery discovery;
    private final RedirectUris redirectUris;
    private final MicrosoftClientAuthentication authentication;

    MicrosoftClientRegistrations(
            MicrosoftSettingsService settings,
            MicrosoftEndpoints endpoints,
            MicrosoftDiscovery discovery,
            RedirectUris redirectUris,
            MicrosoftClientAuthentication authentication) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.discovery = discovery;
        this.redirectUris = redirectUris;
        this.authentication = authentication;
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return Mono.empty();
        }
        return settings.credentials()
                .filter(credentials -> credentials.settings().signInEnabled().value()
                        && credentials.settings().credentialsComplete()
                        && credentials.usable())
                .flatMap(credentials -> discovery
                        .issuer(
                                credentials.settings().cloud().value(),
                                credentials.settings().tenant().value())
                        .map(issuer -> registration(credentials, issuer)));
    }

    /** True while the sign-in page should offer "Sign in with Microsoft 365". */
    public Mono<Boolean> signInAvailable() {
        return settings.current().map(current -> current.signInEnabled().value() && current.credentialsComplete());
    }

    private ClientRegistration registration(MicrosoftCredentials credentials, String issuer) {
        var current = credentials.settings();
        var cloud = current.cloud().value();
        String tenant = current.tenant().value();
        return authentication
                .authenticate(ClientRegistration.withRegistrationId(REGISTRATION_ID), credentials)
                .clientName("Microsoft 365")
                .clientId(current.clientId().value())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUris.microsoftTemplate())
                .scope("openid", "profile", "email")
                .authorizationUri(endpoints.authorize(cloud, tenant))
                .tokenUri(endpoints.token(cloud, tenant))
                .jwkSetUri(endpoints.keys(cloud, tenant))
                .providerConfigurationMetadata(Map.of(ISSUER_METADATA, issuer))
                .userNameAttributeName("preferred_username")
                .build();
    }
}
