package com.m365console.testsupport.microsoft.graph;

import com.m365console.testsupport.microsoft.AccessTokenGrant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who calls the fake Graph, from the bearer token as the fake identity platform issued it: the token must be
 * active, its audience Microsoft Graph (every resource scope on a Graph host, or unqualified, which Entra reads as
 * Graph's), and the permissions are its delegated scopes, or for an app-only ({@code .default}) token the
 * application permissions the test granted the app.
 */
record Caller(AccessTokenGrant grant, Set<String> permissions) {

    private static final Set<String> OPENID = Set.of("openid", "profile", "email", "offline_access");
    private static final Set<String> GRAPH_RESOURCES = Set.of(
            "https://graph.microsoft.com", "https://graph.microsoft.us", "https://microsoftgraph.chinacloudapi.cn");

    boolean appOnly() {
        return grant.appOnly();
    }

    boolean mayRead(boolean ownMailbox) {
        if (appOnly()) {
            return hasAny("Mail.ReadBasic.All", "Mail.Read", "Mail.ReadWrite");
        }
        return ownMailbox
                ? hasAny("Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite")
                : hasAny("Mail.Read.Shared", "Mail.ReadWrite.Shared");
    }

    /** Whether the token may send mail from its own mailbox, from another's ({@code .Shared}), or app-only. */
    boolean maySend(boolean ownMailbox) {
        if (appOnly()) {
            return hasAny("Mail.Send");
        }
        return ownMailbox ? hasAny("Mail.Send") : hasAny("Mail.Send.Shared");
    }

    private boolean hasAny(String... names) {
        return Arrays.stream(names).anyMatch(name -> permissions.contains(name.toLowerCase(Locale.ROOT)));
    }

    /** The caller of a request, or the 401 Graph gives for a missing, foreign, expired or revoked token. */
    static Caller of(
            GraphRequest request,
            Function<String, Optional<AccessTokenGrant>> issued,
            Function<String, Optional<AccessTokenGrant>> active,
            Map<String, Set<String>> appPermissions)
            throws GraphRefusal {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("Access token is empty.", request);
        }
        String token = authorization.substring(7).trim();
        AccessTokenGrant grant = issued.apply(token)
                .orElseThrow(
                        () -> unauthenticated("IDX14100: JWT is not well formed, there are no dots (.).", request));
        if (!grant.validAt(java.time.Instant.now())) {
            throw unauthenticated("Lifetime validation failed, the token is expired.", request);
        }
        if (active.apply(token).isEmpty()) {
            throw unauthenticated(
                    "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: "
                            + "TokenIssuedBeforeRevocationTimestamp",
                    request);
        }
        Set<String> scopes = Arrays.stream(grant.scope().trim().split("\\s+"))
                .filter(s -> !s.isEmpty() && !OPENID.contains(s.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        boolean graphAudience = !scopes.isEmpty()
                && scopes.stream().allMatch(s -> !s.contains("/") || GRAPH_RESOURCES.contains(resource(s)));
        if (!graphAudience) {
            throw unauthenticated("Access token validation failure. Invalid audience.", request);
        }
        Set<String> permissions = grant.appOnly()
                ? appPermissions.getOrDefault(grant.clientId(), Set.of())
                : scopes.stream()
                        .map(s -> s.substring(s.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        return new Caller(grant, permissions);
    }

    private static String resource(String scope) {
        return scope.substring(0, scope.lastIndexOf('/'));
    }

    private static GraphRefusal unauthenticated(String message, GraphRequest request) {
        return new GraphRefusal(
                GraphErrorJson.error(401, "InvalidAuthenticationToken", message, request)
                        .withHeader(
                                "WWW-Authenticate",
                                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\""));
    }
}
