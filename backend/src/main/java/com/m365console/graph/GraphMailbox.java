package com.m365console.graph;

import com.m365console.microsoft.Cloud;
import org.springframework.web.util.UriUtils;

/**
 * Which mailbox a Graph call reads, in which cloud: the token's own ({@code /me}) or one named by address
 * ({@code /users/{address}}: a shared mailbox opened by a delegate, or any mailbox with an app-only token).
 */
public record GraphMailbox(Cloud cloud, String address) {

    public static GraphMailbox me(Cloud cloud) {
        return new GraphMailbox(cloud, null);
    }

    public static GraphMailbox user(Cloud cloud, String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("A mailbox address is needed for /users/{address}");
        }
        return new GraphMailbox(cloud, address.trim());
    }

    /** The path segment after {@code /v1.0}: {@code /me} or {@code /users/{address}}, encoded. */
    String path() {
        return address == null
                ? "/me"
                : "/users/" + UriUtils.encodePathSegment(address, java.nio.charset.StandardCharsets.UTF_8);
    }
}
