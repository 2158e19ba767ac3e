package com.m365console.identity;

import com.m365console.microsoft.MicrosoftError;
import com.m365console.platform.web.CurrentExchange;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** What the sign-in page offers, and why the last Microsoft 365 sign-in in this browser failed. */
@Controller
class SignInController {

    private final MicrosoftClientRegistrations registrations;

    SignInController(MicrosoftClientRegistrations registrations) {
        this.registrations = registrations;
    }

    @QueryMapping
    @PreAuthorize("permitAll()")
    Mono<SignInOptions> signInOptions() {
        return registrations
                .signInAvailable()
                .zipWith(lastError().map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(options -> new SignInOptions(
                        options.getT1(),
                        "/oauth2/authorization/" + MicrosoftClientRegistrations.REGISTRATION_ID,
                        options.getT2().orElse(null)));
    }

    /** Reads the error the failure handler left in the session, once. */
    private Mono<MicrosoftError> lastError() {
        return CurrentExchange.session()
                .flatMap(session -> Mono.justOrEmpty((MicrosoftError)
                        session.getAttributes().remove(MicrosoftSignInFailureHandler.SESSION_ATTRIBUTE)));
    }

    record SignInOptions(boolean microsoft, String microsoftUrl, MicrosoftError lastError) {}
}
