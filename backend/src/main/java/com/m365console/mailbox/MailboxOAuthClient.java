package com.m365console.mailbox;

import com.m365console.microsoft.MicrosoftDiscovery;
import com.m365console.microsoft.MicrosoftEndpoints;
import com.m365console.settings.MicrosoftClientAuthentication;
import com.m365console.settings.MicrosoftCredentialRejections;
import com.m365console.settings.MicrosoftCredentials;
import com.m365console.settings.MicrosoftSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
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
 * for the scopes of the mailbox's transport (IMAP and SMTP, or Microsoft Graph). Token requests go through Spring
 * Security's clients, authenticated with the client secret or a client assertion; a refusal of the secret as
 * expired is recorded for the admins.
 */
@Component
class MailboxOAuthClient {

    private final MicrosoftEndpoints endpoints;
    private final MicrosoftDiscovery discovery;
    private final ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders;
    private final MicrosoftClientAuthentication authentication;
    private final MicrosoftCredentialRejections rejections;
    private final WebClientReactiveAuthorizationCodeTokenResponseClient codeClient =
            new WebClientReactiveAuthorizationCodeTokenResponseClient();
    private final WebClientReactiveRefreshTokenTokenResponseClient refreshClient =
            new WebClientReactiveRefreshTokenTokenResponseClient();

    MailboxOAuthClient(
            MicrosoftEndpoints endpoints,
            MicrosoftDiscovery discovery,
            ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders,
            MicrosoftClientAuthentication authentication,
            MicrosoftCredentialRejections rejections) {
        this.endpoints = endpoints;
        this.discovery = discovery;
        this.idTokenDecoders = idTokenDecoders;
        this.authentication = authentication;
        this.rejections = rejections;
        authentication.addTo(codeClient);
        authentication.addTo(refreshClient);
    }

    /** What sign-in and renewal need beside the resource's own scopes. */
    static final List<String> SIGN_IN_SCOPES = List.of("openid", "email", "profile", "offline_access");

    /**
     * The scopes of one authorize request: the sign-in ones and one resource's (Microsoft's v2.0 endpoint issues a
     * token for one resource per request), Exchange Online's for IMAP and SMTP or the Cloud's Graph for Graph.
     */
    static Set<String> scopes(MicrosoftSettings settings, MailTransport transport, MailboxKind kind) {
        Set<String> scopes = new TreeSet<>(SIGN_IN_SCOPES);
        scopes.addAll(transport.resource().scopes(settings.cloud().value(), kind));
        return scopes;
    }

    /** What a refresh asks for: the resource's scopes and offline_access, so the refresh token keeps rotating. */
    static Set<String> refreshScopes(MicrosoftSettings settings, MailResource resource, MailboxKind kind) {
        Set<String> scopes = new TreeSet<>(resource.scopes(settings.cloud().value(), kind));
        scopes.add("offline_access");
        return scopes;
    }

    String authorizationUrl(
            MicrosoftSettings settings, PendingMailboxConnection pending, String codeChallenge, String loginHint) {
        var builder = UriComponentsBuilder.fromUriString(endpoints.authorize(
                        settings.cloud().value(), settings.tenant().value()))
                .queryParam("client_id", settings.clientId().value())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", pending.redirectUri())
                .queryParam("response_mode", "query")
                .queryParam("scope", String.join(" ", scopes(settings, pending.transport(), pending.kind())))
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
            MicrosoftCredentials credentials, PendingMailboxConnection pending, String code) {
        ClientRegistration registration = registration(
                credentials,
                pending.redirectUri(),
                null,
                scopes(credentials.settings(), pending.transport(), pending.kind()));
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
        return rejections.watch(codeClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                registration, new OAuth2AuthorizationExchange(request, response))));
    }

    /** Renews the access token of one resource, asking for that resource's scopes. */
    Mono<OAuth2AccessTokenResponse> refresh(
            MicrosoftCredentials credentials,
            MailResource resource,
            MailboxKind kind,
            OAuth2AccessToken access,
            String refreshToken) {
        ClientRegistration registration =
                registration(credentials, "{baseUrl}", null, refreshScopes(credentials.settings(), resource, kind));
        return rejections.watch(refreshClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                registration, access, new OAuth2RefreshToken(refreshToken, null), registration.getScopes())));
    }

    /** Verifies the ID token of a code exchange (signature, audience, issuer rules) and reads its claims. */
    Mono<Jwt> idToken(MicrosoftCredentials credentials, String idToken) {
        MicrosoftSettings settings = credentials.settings();
        return discovery
                .issuer(settings.cloud().value(), settings.tenant().value())
                .flatMap(issuer -> idTokenDecoders
                        .createDecoder(registration(credentials, "{baseUrl}", issuer, Set.of("openid")))
                        .decode(idToken));
    }

    private ClientRegistration registration(
            MicrosoftCredentials credentials, String redirectUri, String issuer, Set<String> scopes) {
        MicrosoftSettings settings = credentials.settings();
        var cloud = settings.cloud().value();
        String tenant = settings.tenant().value();
        return authentication
                .authenticate(ClientRegistration.withRegistrationId("microsoft-mailbox"), credentials)
                .clientId(settings.clientId().value())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(scopes)
                .authorizationUri(endpoints.authorize(cloud, tenant))
                .tokenUri(endpoints.token(cloud, tenant))
                .jwkSetUri(endpoints.keys(cloud, tenant))
                .providerConfigurationMetadata(issuer == null ? Map.of() : Map.of("issuer", issuer))
                .build();
    }
}
