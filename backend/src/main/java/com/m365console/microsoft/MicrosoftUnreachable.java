package com.m365console.microsoft;

import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Tells a call to Microsoft's login host that never got an answer (connection refused, DNS, timeout, a 5xx from an
 * outage) from a refusal, and says so in words a person can act on, as Test connection does.
 */
public final class MicrosoftUnreachable {

    public static final String ERROR = "microsoft_unreachable";

    private MicrosoftUnreachable() {}

    /** Whether the failure, or any of its causes, is Microsoft not answering. */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WebClientRequestException
                    || cause instanceof TimeoutException
                    || cause instanceof WebClientResponseException response
                            && response.getStatusCode().is5xxServerError()) {
                return true;
            }
        }
        return false;
    }

    /** The explanation for the sign-in or connection page: what happened and what to do. */
    public static MicrosoftError error(Throwable failure) {
        String host = host(failure);
        return MicrosoftError.local(
                ERROR,
                "Microsoft's sign-in service" + (host == null ? "" : " (" + host + ")") + " could not be reached, "
                        + "so nothing was changed. Try again in a few minutes; if it keeps failing, an administrator "
                        + "should check that this server can reach it (network, proxy, firewall) and use Test "
                        + "connection on Microsoft Settings.");
    }

    private static String host(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WebClientRequestException request && request.getUri() != null) {
                return request.getUri().getScheme() + "://" + request.getUri().getAuthority();
            }
            if (cause instanceof WebClientResponseException response
                    && response.getRequest() != null
                    && response.getRequest().getURI() != null) {
                return response.getRequest().getURI().getScheme() + "://"
                        + response.getRequest().getURI().getAuthority();
            }
        }
        return null;
    }
}
