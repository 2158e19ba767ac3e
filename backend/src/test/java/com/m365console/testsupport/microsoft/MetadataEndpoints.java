package com.m365console.testsupport.microsoft;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only endpoints around sign-in: OpenID discovery, the signing keys, userinfo, sign-out and error lookup. */
final class MetadataEndpoints {

    private final String authority;
    private final Directory directory;
    private final GrantStore grants;
    private final IdTokenSigner signer;

    MetadataEndpoints(String authority, Directory directory, GrantStore grants, IdTokenSigner signer) {
        this.authority = authority;
        this.directory = directory;
        this.grants = grants;
        this.signer = signer;
    }

    void discovery(HttpExchange exchange, String tenantSegment) throws IOException {
        Directory.TenantRef tenant = directory.resolve(tenantSegment);
        if (!tenant.known()) {
            notFound(exchange, tenantSegment);
            return;
        }
        String base = authority + "/" + pathTenant(tenant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_endpoint", base + "/oauth2/v2.0/token");
        body.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        body.put("jwks_uri", base + "/discovery/v2.0/keys");
        body.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        body.put("subject_types_supported", List.of("pairwise"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        body.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        body.put("issuer", issuer(tenant));
        body.put("request_uri_parameter_supported", false);
        body.put("userinfo_endpoint", authority + "/oidc/userinfo");
        body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        body.put("http_logout_supported", true);
        body.put("frontchannel_logout_supported", true);
        body.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
        body.put(
                "claims_supported",
                List.of(
                        "sub",
                        "iss",
                        "cloud_instance_name",
                        "cloud_instance_host_name",
                        "cloud_graph_host_name",
                        "msgraph_host",
                        "aud",
                        "exp",
                        "iat",
                        "auth_time",
                        "acr",
                        "nonce",
                        "preferred_username",
                        "name",
                        "tid",
                        "ver",
                        "at_hash",
                        "c_hash",
                        "email"));
        body.put("tenant_region_scope", tenant.kind() == Directory.TenantRef.Kind.TENANT ? "EU" : null);
        body.put("cloud_instance_name", "microsoftonline.com");
        body.put("cloud_graph_host_name", "graph.windows.net");
        body.put("msgraph_host", "graph.microsoft.com");
        body.put("rbac_url", "https://pas.windows.net");
        Http.json(exchange, 200, body);
    }

    void keys(HttpExchange exchange, String tenantSegment) throws IOException {
        Directory.TenantRef tenant = directory.resolve(tenantSegment);
        if (!tenant.known()) {
            notFound(exchange, tenantSegment);
            return;
        }
        Http.json(exchange, 200, signer.jwks(issuer(tenant)));
    }

    /** Microsoft Graph's OpenID userinfo, served here so sign-in never reaches the real Graph. */
    void userinfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        AccessTokenGrant grant = grants.accessToken(token)
                .filter(g -> g.validAt(Instant.now()) && !g.appOnly())
                .orElse(null);
        Directory.Account account =
                grant == null ? null : directory.account(grant.email()).orElse(null);
        if (account == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Http.json(
                    exchange,
                    401,
                    Map.of(
                            "error",
                            Map.of(
                                    "code",
                                    "InvalidAuthenticationToken",
                                    "message",
                                    "Access token is empty or invalid.")));
            return;
        }
        String name = account.displayName();
        int space = name.indexOf(' ');
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", IdTokenSigner.pairwiseSubject(grant.clientId(), account));
        body.put("name", name);
        body.put("family_name", space < 0 ? "" : name.substring(space + 1));
        body.put("given_name", space < 0 ? name : name.substring(0, space));
        body.put("email", account.email());
        Http.json(exchange, 200, body);
    }

    void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = Http.query(exchange);
        String target = query.get("post_logout_redirect_uri");
        if (target == null) {
            Http.html(exchange, 200, Pages.signedOut());
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (query.get("state") != null) {
            params.put("state", query.get("state"));
        }
        if (params.isEmpty()) {
            exchange.getResponseHeaders().set("Location", target);
            Http.empty(exchange, 302);
        } else {
            Http.redirect(exchange, target, params);
        }
    }

    void errorLookup(HttpExchange exchange) throws IOException {
        Http.html(exchange, 200, Pages.errorLookup(Http.query(exchange).getOrDefault("code", "")));
    }

    /** A GUID or domain becomes the tenant's GUID; the multi-tenant aliases keep their literal issuer template. */
    private String issuer(Directory.TenantRef tenant) {
        return switch (tenant.kind()) {
            case TENANT -> authority + "/" + tenant.tenant().id() + "/v2.0";
            case CONSUMERS -> authority + "/" + Directory.CONSUMERS_TENANT_ID + "/v2.0";
            default -> authority + "/{tenantid}/v2.0";
        };
    }

    private static String pathTenant(Directory.TenantRef tenant) {
        return tenant.kind() == Directory.TenantRef.Kind.TENANT
                ? tenant.tenant().id()
                : tenant.segment();
    }

    private void notFound(HttpExchange exchange, String tenantSegment) throws IOException {
        Http.json(exchange, 400, AadError.tenantNotFound(tenantSegment).occur().json(authority));
    }
}
