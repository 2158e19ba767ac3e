package com.m365console.identity;

import com.m365console.microsoft.MicrosoftIssuerValidator;
import com.m365console.settings.MicrosoftClientAuthentication;
import com.m365console.settings.MicrosoftCredentialRejections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;

/**
 * "Sign in with Microsoft 365": OpenID Connect authorization code flow with PKCE, state and nonce, against
 * the registration saved on Microsoft Settings (secret or certificate), with Microsoft's issuer rules for ID tokens.
 */
@Configuration(proxyBeanMethods = false)
class MicrosoftSignInConfiguration {

    @Bean
    Customizer<ServerHttpSecurity.OAuth2LoginSpec> microsoftSignIn(
            MicrosoftClientRegistrations registrations, MicrosoftSignInFailureHandler failureHandler) {
        var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return login -> login.clientRegistrationRepository(registrations)
                .authorizationRequestResolver(resolver)
                .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
                .authenticationFailureHandler(failureHandler);
    }

    /**
     * The sign-in's code exchange, picked up by Spring Security's OAuth 2 login: authenticates with the secret or a
     * client assertion, and records Microsoft refusing the secret as expired.
     */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> microsoftSignInTokenClient(
            MicrosoftClientAuthentication authentication, MicrosoftCredentialRejections rejections) {
        var client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
        authentication.addTo(client);
        return request -> rejections.watch(client.getTokenResponse(request));
    }

    /**
     * ID token decoders per registration content: a settings change (tenant, client, cloud) gets a new
     * decoder with the new keys and issuer, where Spring's factory would keep the first one forever.
     */
    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> microsoftIdTokenDecoderFactory() {
        Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();
        return registration -> {
            String issuer = (String) registration
                    .getProviderDetails()
                    .getConfigurationMetadata()
                    .get(MicrosoftClientRegistrations.ISSUER_METADATA);
            String key = registration.getClientId() + " "
                    + registration.getProviderDetails().getJwkSetUri() + " " + issuer;
            return decoders.computeIfAbsent(key, unused -> {
                var factory = new ReactiveOidcIdTokenDecoderFactory();
                factory.setJwtValidatorFactory(reg -> new DelegatingOAuth2TokenValidator<>(
                        new OidcIdTokenValidator(reg), new MicrosoftIssuerValidator(issuer)));
                return factory.createDecoder(registration);
            });
        };
    }
}
