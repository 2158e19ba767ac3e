package com.m365console.testsupport.microsoft;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Microsoft Graph's {@code GET /v1.0/applications(appId='{id}')}: an app reading its own registration with an
 * app-only token, as Graph answers it: its passwordCredentials (hint = the secret's first three characters) and
 * keyCredentials, or 403 Authorization_RequestDenied while the app lacks Application.Read.All.
 */
final class GraphEndpoint {

    private final Directory directory;
    private final GrantStore grants;

    GraphEndpoint(Directory directory, GrantStore grants) {
        this.directory = directory;
        this.grants = grants;
    }

    void application(HttpExchange exchange, String appId) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        AccessTokenGrant grant =
                grants.accessToken(token).filter(g -> g.validAt(Instant.now())).orElse(null);
        if (grant == null) {
            Http.json(exchange, 401, error("InvalidAuthenticationToken", "Access token validation failure."));
            return;
        }
        Directory.App caller = directory.app(grant.clientId()).orElse(null);
        if (caller == null || !grant.appOnly() || !caller.mayReadApplications()) {
            Http.json(
                    exchange,
                    403,
                    error("Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
            return;
        }
        Directory.App app = directory.app(appId).orElse(null);
        if (app == null) {
            Http.json(exchange, 404, error("Request_ResourceNotFound", "Resource '" + appId + "' does not exist."));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "@odata.context",
                "https://graph.microsoft.com/v1.0/$metadata#applications(passwordCredentials,keyCredentials)/$entity");
        body.put(
                "passwordCredentials",
                app.secret() == null
                        ? List.of()
                        : List.of(Map.of(
                                "displayName", "console",
                                "hint",
                                        app.secret()
                                                .substring(
                                                        0,
                                                        Math.min(3, app.secret().length())),
                                "keyId",
                                        UUID.nameUUIDFromBytes(app.secret().getBytes())
                                                .toString(),
                                "startDateTime",
                                        app.secretEndDateTime()
                                                .minusSeconds(86_400L * 365)
                                                .toString(),
                                "endDateTime", app.secretEndDateTime().toString())));
        body.put(
                "keyCredentials",
                app.certificates().stream()
                        .map(certificate -> Map.of(
                                "type",
                                "AsymmetricX509Cert",
                                "usage",
                                "Verify",
                                "customKeyIdentifier",
                                HexFormat.of()
                                        .withUpperCase()
                                        .formatHex(java.util.Base64.getUrlDecoder()
                                                .decode(ClientAssertions.thumbprint(certificate))),
                                "endDateTime",
                                certificate.getNotAfter().toInstant().toString()))
                        .toList());
        Http.json(exchange, 200, body);
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of(
                "error",
                Map.of(
                        "code",
                        code,
                        "message",
                        message,
                        "innerError",
                        Map.of("date", Instant.now().toString(), "request-id", Http.newGuid())));
    }
}
