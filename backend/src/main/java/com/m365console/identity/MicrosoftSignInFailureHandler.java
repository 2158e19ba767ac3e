package com.m365console.identity;

import com.m365console.microsoft.MicrosoftError;
import com.m365console.microsoft.MicrosoftErrors;
import com.m365console.microsoft.MicrosoftUnreachable;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A failed Microsoft 365 sign-in goes back to the sign-in page with its explanation kept in the session
 * (read once through {@code signInOptions.lastError}), never silently to the start page and never to an error page:
 * a refusal Spring Security reports, and anything else that breaks on the sign-in's paths (Microsoft's login host
 * unreachable for discovery, keys or the token, a callback without state, a wrong method). Runs before the other
 * error handlers (see platform/web's BrowserErrorPages).
 */
@Component
@Order(-3)
class MicrosoftSignInFailureHandler implements ServerAuthenticationFailureHandler, WebExceptionHandler {

    static final String SESSION_ATTRIBUTE = MicrosoftSignInFailureHandler.class.getName() + ".error";
    private static final URI SIGN_IN_PAGE = URI.create("/login?error=microsoft");
    private static final Logger log = LoggerFactory.getLogger(MicrosoftSignInFailureHandler.class);

    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        MicrosoftError error;
        if (MicrosoftUnreachable.is(exception)) {
            error = MicrosoftUnreachable.error(exception);
        } else if (exception instanceof OAuth2AuthenticationException oauth) {
            error = MicrosoftErrors.describe(
                    oauth.getError().getErrorCode(), oauth.getError().getDescription());
        } else {
            error = MicrosoftErrors.describe("sign_in_failed", exception.getMessage());
        }
        return show(exchange.getExchange(), error);
    }

    /** What failed on the sign-in's own paths outside Spring Security's handling. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!(path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/"))
                || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        MicrosoftError error;
        if (MicrosoftUnreachable.is(failure)) {
            error = MicrosoftUnreachable.error(failure);
        } else if (failure instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()
                && path.startsWith("/oauth2/authorization/")) {
            error = MicrosoftError.local(
                    "sign_in_unavailable",
                    "Microsoft 365 sign-in is not available here now: an administrator has turned it off or not "
                            + "completed Microsoft Settings. Sign in with your username and password, or ask an "
                            + "administrator.");
        } else if (failure instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            error = MicrosoftErrors.describe("authorization_request_not_found", null);
        } else {
            log.warn("Microsoft 365 sign-in broke on {}", path, failure);
            error = MicrosoftError.local(
                    "sign_in_failed",
                    "The Microsoft 365 sign-in failed on this server. Start it again; if it keeps failing, an "
                            + "administrator finds the cause in the server's log at this time.");
        }
        return show(exchange, error);
    }

    private Mono<Void> show(ServerWebExchange exchange, MicrosoftError error) {
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
        return exchange.getSession()
                .doOnNext(session -> session.getAttributes().put(SESSION_ATTRIBUTE, error))
                .then(redirect.sendRedirect(exchange, SIGN_IN_PAGE));
    }
}
