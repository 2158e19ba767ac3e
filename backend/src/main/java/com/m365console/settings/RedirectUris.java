package com.m365console.settings;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The single Redirect URI registered in Azure. Sign-in and mailbox connection both come back to it, so an
 * admin registers one value; it is built from the public base URL, or from the request when none is set.
 */
@Component
public class RedirectUris {

    /** The callback path, the same one Spring Security's OAuth 2 login listens on for registration "microsoft". */
    public static final String MICROSOFT_CALLBACK_PATH = "/login/oauth2/code/microsoft";

    private final String publicBaseUrl;

    RedirectUris(@Value("${m365.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.isBlank() ? null : stripTrailingSlash(publicBaseUrl.trim());
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

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
