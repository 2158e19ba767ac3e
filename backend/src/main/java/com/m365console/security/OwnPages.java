package com.m365console.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells whether a WebSocket handshake came from the app's own pages, the only ones whose session cookie may
 * authenticate a socket: its Origin is the public base URL's origin; while that is not configured, the Origin
 * must name the host and port the handshake was sent to (the scheme is left out then, since behind a
 * TLS-terminating proxy the app cannot know it). No Origin, no session.
 */
final class OwnPages {

    private final Optional<String> publicOrigin;

    /** @param publicBaseUrl {@code m365.public-base-url} as {@code RedirectUris} validated it, if set */
    OwnPages(Optional<URI> publicBaseUrl) {
        this.publicOrigin = publicBaseUrl.map(OwnPages::origin);
    }

    boolean sent(String origin, URI handshake) {
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            URI from = URI.create(origin.trim());
            if (publicOrigin.isPresent()) {
                return publicOrigin.get().equals(origin(from));
            }
            return from.getHost() != null
                    && from.getHost().equalsIgnoreCase(handshake.getHost())
                    && from.getPort() == handshake.getPort();
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** scheme://host[:port] in lower case, the port left out when it is the scheme's default. */
    private static String origin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
