package com.m365console.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.autoconfigure.ServerProperties.ForwardHeadersStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The single Redirect URI registered in Azure. Sign-in and mailbox connection both come back to it, so an
 * admin registers one value; it is built from {@code m365.public-base-url}, checked at startup, or, while
 * that is unset, from the address of the request (which counts a proxy's forwarded headers only when
 * {@code server.forward-headers-strategy} says so). While unset, a request with another Host is not refused:
 * Microsoft redirects only to a Redirect URI registered in Azure, so a stranger's Host gets Microsoft's
 * AADSTS50011 rather than a code sent elsewhere, and the settings screen tells the admin to set the URL.
 */
@Component
public class RedirectUris {

    /** The callback path, the same one Spring Security's OAuth 2 login listens on for registration "microsoft". */
    public static final String MICROSOFT_CALLBACK_PATH = "/login/oauth2/code/microsoft";

    static final String PROPERTY = "m365.public-base-url";

    private static final Logger log = LoggerFactory.getLogger(RedirectUris.class);

    private final String publicBaseUrl;
    private final boolean forwardedHeadersTrusted;

    RedirectUris(@Value("${" + PROPERTY + ":}") String publicBaseUrl, Environment environment) {
        this.publicBaseUrl = publicBaseUrl.isBlank() ? null : validated(publicBaseUrl.trim());
        this.forwardedHeadersTrusted = forwardedHeadersTrusted(environment);
        if (this.publicBaseUrl == null) {
            log.info("{} is not set: the Redirect URI is taken from the address of each request", PROPERTY);
        }
    }

    /** Where the Redirect URI comes from. */
    public enum Source {
        /** From {@code m365.public-base-url}. */
        CONFIGURED,
        /** From the address the request came in on. */
        REQUEST
    }

    public URI microsoft(String requestBaseUrl) {
        String base = publicBaseUrl != null ? publicBaseUrl : stripTrailingSlash(requestBaseUrl);
        return URI.create(base + MICROSOFT_CALLBACK_PATH);
    }

    /**
     * The redirect URI as Spring Security's OAuth client takes it: the public URL when configured, else a
     * template it fills in from the request, which yields the same value {@link #microsoft} shows.
     */
    public String microsoftTemplate() {
        return (publicBaseUrl != null ? publicBaseUrl : "{baseUrl}") + MICROSOFT_CALLBACK_PATH;
    }

    public Source source() {
        return publicBaseUrl != null ? Source.CONFIGURED : Source.REQUEST;
    }

    /** The configured public base URL, without a trailing slash; empty while the request decides. */
    public Optional<URI> publicBaseUrl() {
        return Optional.ofNullable(publicBaseUrl).map(URI::create);
    }

    /** True when a proxy's X-Forwarded-* / Forwarded headers count in a request's address, as Spring Boot decides. */
    public boolean forwardedHeadersTrusted() {
        return forwardedHeadersTrusted;
    }

    private static boolean forwardedHeadersTrusted(Environment environment) {
        var strategy = Binder.get(environment)
                .bind("server.forward-headers-strategy", ForwardHeadersStrategy.class)
                .orElse(null);
        if (strategy == null) {
            CloudPlatform platform = CloudPlatform.getActive(environment);
            return platform != null && platform.isUsingForwardHeaders();
        }
        return strategy != ForwardHeadersStrategy.NONE;
    }

    private static String validated(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value, "it is not a valid URL (" + e.getReason() + ")");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(value, "it must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(value, "it has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(value, "it must not contain a user name or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(value, "it must not have a query (?) or fragment (#)");
        }
        return stripTrailingSlash(value);
    }

    private static IllegalStateException invalid(String value, String reason) {
        return new IllegalStateException(PROPERTY + " is '" + value + "' but " + reason
                + "; set it to the absolute URL users reach the app at, e.g. https://console.example.com");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
