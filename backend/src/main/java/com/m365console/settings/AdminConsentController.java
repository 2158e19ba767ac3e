package com.m365console.settings;

import com.m365console.microsoft.MicrosoftError;
import com.m365console.microsoft.MicrosoftErrors;
import com.m365console.platform.graphql.RequestBaseUrlInterceptor;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Adds the admin-consent link to the consent errors Microsoft gives, wherever the schema shows one. */
@Controller
class AdminConsentController {

    private final AdminConsent adminConsent;

    AdminConsentController(AdminConsent adminConsent) {
        this.adminConsent = adminConsent;
    }

    /** Readable by whoever may read the error: the sign-in page shows it before anyone is signed in. */
    @SchemaMapping(typeName = "MicrosoftError")
    @PreAuthorize("permitAll()")
    Mono<String> consentUrl(
            MicrosoftError error,
            @ContextValue(name = RequestBaseUrlInterceptor.REQUEST_BASE_URL, required = false) String requestBaseUrl) {
        if (!MicrosoftErrors.needsAdminConsent(error)) {
            return Mono.empty();
        }
        return adminConsent.link(requestBaseUrl).flatMap(Mono::justOrEmpty);
    }
}
