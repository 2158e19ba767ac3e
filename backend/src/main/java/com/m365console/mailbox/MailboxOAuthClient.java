package com.m365console.mailbox;

import com.m365console.microsoft.MicrosoftDiscovery;
import com.m365console.microsoft.MicrosoftEndpoints;
import com.m365console.settings.MicrosoftSettings;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The OAuth 2 side of a mailbox: Microsoft's consent URL with PKCE, the code exchange and the refresh,
 * for the scopes IMAP and SMTP need. Token requests go through Spring Security's clients.
 */
@Component
class MailboxOAuthClient {

    private final MicrosoftEndpoints endpoints;
    private final MicrosoftDiscovery discovery;
    private final ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders;
    private final WebClientReactiveAuthorizationCodeTokenResponseClient codeClient =
            new WebClientReactiveAuthorizationCodeTokenResponseClient();
    private final WebClientReactiveRefreshTokenTokenResponseClient refreshClient =
            new WebClientReactiveRefreshTokenTokenResponseClient();

    MailboxOAuthClient(
            MicrosoftEndpoints endpoints,
            MicrosoftDiscovery discovery,
            ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders) {
        this.endpoints = endpoints;
        this.discovery = discovery;
        this.idTokenDecoders = idTokenDecoders;
    }

    static Set<String> scopes(MicrosoftSettings settings) {
        String outlook = settings.cloud().value().outlookResource();
        return Set.of(
                "openid",
                "email",
                "profile",
                "offline_access",
                outlook + "/IMAP.AccessAsUser.All",
                outlook + "/SMTP.Send");
    }

    String authorizationUrl(
            MicrosoftSettings settings, PendingMailboxConnection pending, String codeChallenge, String loginHint) {
        var builder = UriComponentsBuilder.fromUriString(endpoints.authorize(
                        settings.cloud().value(), settings.tenant().value()))
                .queryParam("client_id", settings.clientId().value())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", pending.redirectUri())
                .queryParam("response_mode", "query")
                .queryParam("scope", String.join(" ", new java.util.TreeSet<>(scopes(settings))))
                .queryParam("state", pending.state())
                .queryParam("nonce", pending.nonce())
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .queryParam("prompt", "select_account");
        if (loginHint != null) {
            builder.queryParam("login_hint", loginHint);
        }
        return builder.encode().build().toUriString();
    }

    Mono<OAuth2AccessTokenResponse> exchange(
            MicrosoftSettings settings, String secret, PendingMailboxConnection pending, String code) {
        ClientRegistration registration = registration(settings, secret, pending.redirectUri(), null);
        var request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(pending.redirectUri())
                .scopes(registration.getScopes())
                .state(pending.state())
                .attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, pending.codeVerifier()))
                .build();
        var response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(pending.redirectUri())
                .state(pending.state())
                .build();
        return codeClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                registration, new OAuth2AuthorizationExchange(request, response)));
    }

    Mono<OAuth2AccessTokenResponse> refresh(
            MicrosoftSettings settings, String secret, OAuth2AccessToken access, String refreshToken) {
        ClientRegistration registration = registration(settings, secret, "{baseUrl}", null);
        return refreshClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                registration, access, new OAuth2RefreshToken(refreshToken, null), registration.getScopes()));
    }

    /** Verifies the ID token of a code exchange (signature, audience, issuer rules) and reads its claims. */
    Mono<Jwt> idToken(MicrosoftSettings settings, String secret, String idToken) {
        return discovery
                .issuer(settings.cloud().value(), settings.tenant().value())
                .flatMap(issuer -> idTokenDecoders
                        .createDecoder(registration(settings, secret, "{baseUrl}", issuer))
                        .decode(idToken));
    }

    private ClientRegistration registration(
            MicrosoftSettings settings, String secret, String redirectUri, String issuer) {
        var cloud = settings.cloud().value();
        String tenant = settings.tenant().value();
        return ClientRegistration.withRegistrationId("microsoft-mailbox")
                .clientId(settings.clientId().value())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(scopes(settings))
                .authorizationUri(endpoints.authorize(cloud, tenant))
                .tokenUri(endpoints.token(cloud, tenant))
                .jwkSetUri(endpoints.keys(cloud, tenant))
                .providerConfigurationMetadata(issuer == null ? Map.of() : Map.of("issuer", issuer))
                .build();
    }
}
