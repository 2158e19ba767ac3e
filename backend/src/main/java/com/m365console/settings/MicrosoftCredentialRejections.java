package com.m365console.settings;

import com.m365console.microsoft.MicrosoftError;
import com.m365console.microsoft.MicrosoftErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records Microsoft refusing the app's credential as expired (AADSTS7000222), wherever it happens: sign-in, mailbox
 * connection, token refresh, Test connection, the expiry check. The row's NOTIFY tells every admin at once.
 */
@Component
public class MicrosoftCredentialRejections {

    static final String EXPIRED = "AADSTS7000222";
    private static final Logger log = LoggerFactory.getLogger(MicrosoftCredentialRejections.class);

    private final MicrosoftSettingsService settings;
    private final MicrosoftCredentialStatusRepository statuses;

    MicrosoftCredentialRejections(MicrosoftSettingsService settings, MicrosoftCredentialStatusRepository statuses) {
        this.settings = settings;
        this.statuses = statuses;
    }

    /** The call, recording its failure first when Microsoft refused the credential as expired. */
    public <T> Mono<T> watch(Mono<T> call) {
        return call.onErrorResume(ex -> {
            OAuth2Error error = ex instanceof OAuth2AuthorizationException authorization
                    ? authorization.getError()
                    : ex instanceof OAuth2AuthenticationException authentication ? authentication.getError() : null;
            if (error == null) {
                return Mono.error(ex);
            }
            MicrosoftError described = MicrosoftErrors.describe(error.getErrorCode(), error.getDescription());
            return settings.credentials()
                    .flatMap(credentials -> record(credentials, described))
                    .onErrorResume(recording -> Mono.empty())
                    .then(Mono.error(ex));
        });
    }

    /** Records the refusal when it is AADSTS7000222; anything else is left alone. */
    Mono<Void> record(MicrosoftCredentials credentials, MicrosoftError refusal) {
        if (!EXPIRED.equals(refusal.aadsts())) {
            return Mono.empty();
        }
        log.warn("Microsoft refused the app registration's client secret as expired ({})", EXPIRED);
        return statuses.recordRejection(credentials.tag(), refusal.message());
    }
}
