package com.m365console.settings;

import com.nimbusds.jose.jwk.JWK;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractWebClientReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * How every request to Microsoft's token endpoint authenticates the app: with the client secret (form), or with a
 * client assertion ({@code private_key_jwt}) signed by the certificate's key, carrying the {@code x5t} thumbprint
 * Microsoft looks the certificate up by. Spring Security's Nimbus converter builds the assertion (iss = sub = client
 * ID, aud = the token endpoint, jti, exp); the key it signs with is the one last loaded for that client ID.
 */
@Component
public class MicrosoftClientAuthentication {

    private final Map<String, ClientCertificate> certificates = new ConcurrentHashMap<>();

    /** Sets the client's credential on a registration being built. */
    public ClientRegistration.Builder authenticate(
            ClientRegistration.Builder builder, MicrosoftCredentials credentials) {
        ClientCertificate certificate = credentials.certificateInUse();
        if (certificate == null) {
            return builder.clientSecret(credentials.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        certificates.put(key(credentials.settings().clientId().value()), certificate);
        return builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    }

    /** Lets one of Spring Security's token clients send a client assertion when the registration asks for one. */
    public <T extends AbstractOAuth2AuthorizationGrantRequest> void addTo(
            AbstractWebClientReactiveOAuth2AccessTokenResponseClient<T> client) {
        client.addParametersConverter(assertionParameters());
    }

    /**
     * The form parameters that authenticate a client-credentials request made by hand (Test connection, Graph):
     * {@code client_secret}, or {@code client_assertion_type} and {@code client_assertion}.
     */
    MultiValueMap<String, String> clientCredentialsParameters(ClientRegistration.Builder registration) {
        ClientRegistration built = registration
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        if (ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(built.getClientAuthenticationMethod())) {
            return this.<OAuth2ClientCredentialsGrantRequest>assertionParameters()
                    .convert(new OAuth2ClientCredentialsGrantRequest(built));
        }
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("client_secret", built.getClientSecret());
        return form;
    }

    private <T extends AbstractOAuth2AuthorizationGrantRequest>
            Converter<T, MultiValueMap<String, String>> assertionParameters() {
        var converter = new NimbusJwtClientAuthenticationParametersConverter<T>(this::jwk);
        converter.setJwtClientAssertionCustomizer(context -> {
            ClientCertificate certificate = certificates.get(key(context.getAuthorizationGrantRequest()
                    .getClientRegistration()
                    .getClientId()));
            context.getHeaders().x509SHA1Thumbprint(certificate.x5t());
        });
        return converter;
    }

    private JWK jwk(ClientRegistration registration) {
        if (!ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(registration.getClientAuthenticationMethod())) {
            return null;
        }
        ClientCertificate certificate = certificates.get(key(registration.getClientId()));
        return certificate == null ? null : certificate.jwk();
    }

    private static String key(String clientId) {
        return clientId.toLowerCase(Locale.ROOT);
    }
}
