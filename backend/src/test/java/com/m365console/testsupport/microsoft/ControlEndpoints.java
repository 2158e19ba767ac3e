package com.m365console.testsupport.microsoft;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** POST /_fake/*: the Java API over HTTP, so a test in another process (Node, Playwright) can set the fake up. */
final class ControlEndpoints {

    private final FakeMicrosoftIdentityPlatform platform;

    ControlEndpoints(FakeMicrosoftIdentityPlatform platform) {
        this.platform = platform;
    }

    void handle(HttpExchange exchange, String action) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Http.empty(exchange, 405);
            return;
        }
        Map<String, Object> body;
        try {
            body = Http.jsonBody(exchange);
            if (!apply(action, body)) {
                Http.empty(exchange, 404);
                return;
            }
        } catch (RuntimeException e) {
            Http.json(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        Http.empty(exchange, 204);
    }

    @SuppressWarnings("unchecked")
    private boolean apply(String action, Map<String, Object> body) {
        switch (action) {
            case "tenants" ->
                platform.addTenant(
                        text(body, "tenantId"),
                        strings(body.getOrDefault("domains", List.of())).toArray(String[]::new));
            case "apps" -> {
                platform.registerApp(
                        text(body, "clientId"),
                        text(body, "secret"),
                        text(body, "homeTenantId"),
                        Boolean.TRUE.equals(body.get("multiTenant")),
                        strings(body.getOrDefault("redirectUris", List.of())).toArray(String[]::new));
                if (body.get("name") != null) {
                    platform.nameApp(text(body, "clientId"), text(body, "name"));
                }
            }
            case "accounts" ->
                platform.addAccount(text(body, "tenantId"), text(body, "oid"), text(body, "email"), text(body, "name"));
            case "fail-next-token" ->
                platform.failNextToken(
                        ((Number) body.get("status")).intValue(),
                        text(body, "error"),
                        number(body, "aadsts"),
                        text(body, "message"));
            case "fail-next-authorize" ->
                platform.failNextAuthorize(text(body, "error"), number(body, "aadsts"), text(body, "message"));
            case "override-next-id-token" -> platform.overrideNextIdToken((Map<String, Object>) body.get("claims"));
            case "revoke-grants" -> platform.revokeGrants(text(body, "email"));
            case "expire-secret" -> platform.expireSecret(text(body, "clientId"));
            case "certificates" -> platform.addCertificate(text(body, "clientId"), certificate(text(body, "pem")));
            case "secret-end" ->
                platform.secretEndDateTime(text(body, "clientId"), java.time.Instant.parse(text(body, "endDateTime")));
            case "application-read" ->
                platform.allowApplicationRead(text(body, "clientId"), Boolean.TRUE.equals(body.get("allowed")));
            case "expire-access-tokens" -> platform.expireAccessTokens();
            case "graph-messages" -> {
                var mailbox = platform.graph().mailbox(text(body, "address"));
                String folder = body.getOrDefault("folder", "inbox").toString();
                mailbox.add(
                        mailbox.folderId(folder),
                        com.m365console.testsupport.microsoft.graph.SeedMessage.of(
                                        text(body, "subject"), text(body, "from"))
                                .to(text(body, "address"))
                                .text(body.getOrDefault("body", "").toString()));
            }
            case "graph-throttle" ->
                platform.graph()
                        .throttleNext(number(body, "count"), java.time.Duration.ofSeconds(number(body, "retryAfter")));
            case "graph-expire-delta-tokens" -> platform.graph().expireDeltaTokens();
            case "graph-app-permission" ->
                platform.graph().grantApplicationPermission(text(body, "clientId"), text(body, "permission"));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static java.security.cert.X509Certificate certificate(String pem) {
        try {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("Not a PEM certificate: " + e.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing '" + name + "'");
        }
        return value.toString();
    }

    private static int number(Map<String, Object> body, String name) {
        Object value = body.get(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
