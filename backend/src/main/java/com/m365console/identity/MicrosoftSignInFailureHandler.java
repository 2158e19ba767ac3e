package com.m365console.identity;

import com.m365console.microsoft.MicrosoftError;
import com.m365console.microsoft.MicrosoftErrors;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A failed Microsoft 365 sign-in goes back to the sign-in page with its explanation kept in the session
 * (read once through {@code signInOptions.lastError}), never silently to the start page.
 */
@Component
class MicrosoftSignInFailureHandler implements ServerAuthenticationFailureHandler {

    static final String SESSION_ATTRIBUTE = MicrosoftSignInFailureHandler.class.getName() + ".error";
    private static final URI SIGN_IN_PAGE = URI.create("/login?error=microsoft");
    private static final Logger log = LoggerFactory.getLogger(MicrosoftSignInFailureHandler.class);

    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        MicrosoftError error = exception instanceof OAuth2AuthenticationException oauth
                ? MicrosoftErrors.describe(
                        oauth.getError().getErrorCode(), oauth.getError().getDescription())
                : MicrosoftErrors.describe("sign_in_failed", exception.getMessage());
        if (error.aadsts() != null) {
            log.info(
                    "Microsoft 365 sign-in failed: {} {} (trace ID {}, correlation ID {})",
                    error.error(),
                    error.aadsts(),
                    error.traceId(),
                    error.correlationId());
        } else {
            log.info("Microsoft 365 sign-in failed: {}: {}", error.error(), error.message());
        }
        return exchange.getExchange()
                .getSession()
                .doOnNext(session -> session.getAttributes().put(SESSION_ATTRIBUTE, error))
                .then(redirect.sendRedirect(exchange.getExchange(), SIGN_IN_PAGE));
    }
}
