package com.m365console.testsupport.microsoft;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * POST /{tenant}/oauth2/v2.0/token: authenticates the client (form or HTTP Basic) and answers the authorization code,
 * refresh token and client credentials grants with Entra's JSON, or with its JSON errors. A refresh asks for the
 * scopes it names ({@code scope}), refused with AADSTS65001 beyond what the grant consented to.
 */
final class TokenEndpoint {

    /** A failed request, carried out of the checks to the one place that writes the error. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient AadError error;

        Refusal(AadError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    /** Scopes of sign-in itself, which every grant covers. */
    private static final Set<String> OPENID = Set.of("openid", "profile", "email", "offline_access");

    private final String authority;
    private final Directory directory;
    private final GrantStore grants;
    private final IdTokenSigner signer;
    private final Scripts scripts;

    TokenEndpoint(String authority, Directory directory, GrantStore grants, IdTokenSigner signer, Scripts scripts) {
        this.authority = authority;
        this.directory = directory;
        this.grants = grants;
        this.signer = signer;
        this.scripts = scripts;
    }

    void handle(HttpExchange exchange, String tenantSegment) throws IOException {
        Map<String, String> form = Http.form(exchange);
        scripts.recordToken(form);
        try {
            Thread.sleep(scripts.tokenDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            AadError scripted = scripts.takeTokenFailure();
            if (scripted != null) {
                throw new Refusal(scripted);
            }
            Directory.TenantRef tenant = directory.resolve(tenantSegment);
            if (!tenant.known()) {
                throw new Refusal(AadError.tenantNotFound(tenantSegment));
            }
            String grantType = required(form, "grant_type");
            Directory.App app = authenticate(exchange, form, tenant, tenantSegment);
            Map<String, Object> response = switch (grantType) {
                case "authorization_code" -> authorizationCode(form, tenant, app);
                case "refresh_token" -> refreshToken(form, app);
                case "client_credentials" -> clientCredentials(form, tenant, app);
                default ->
                    throw new Refusal(AadError.badRequest(
                            "unsupported_grant_type",
                            70003,
                            "The app requested an unsupported grant type '" + grantType + "'."));
            };
            Http.json(exchange, 200, response);
        } catch (Refusal refusal) {
            Http.json(exchange, refusal.error.status(), refusal.error.occur().json(authority));
        }
    }

    private Directory.App authenticate(
            HttpExchange exchange, Map<String, String> form, Directory.TenantRef tenant, String tenantSegment)
            throws Refusal {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            clientId = Http.decode(colon < 0 ? decoded : decoded.substring(0, colon));
            secret = colon < 0 ? null : Http.decode(decoded.substring(colon + 1));
        }
        if (clientId == null || clientId.isBlank()) {
            throw new Refusal(AadError.missingParameter("client_id"));
        }
        Directory.App app = directory.app(clientId).orElse(null);
        if (app == null || !Directory.visibleIn(app, tenant)) {
            throw new Refusal(AadError.appNotFound(clientId, tenant.directoryName()));
        }
        if (form.get("client_assertion") != null) {
            if (!ClientAssertions.TYPE.equals(form.get("client_assertion_type"))) {
                throw new Refusal(AadError.badRequest(
                        "invalid_request",
                        7000219,
                        "'client_assertion_type' must be '" + ClientAssertions.TYPE + "'."));
            }
            String endpoint = authority + "/" + tenantSegment + "/oauth2/v2.0/token";
            var refusal = ClientAssertions.refusal(form.get("client_assertion"), app, endpoint);
            if (refusal.isPresent()) {
                throw new Refusal(refusal.get());
            }
            return app;
        }
        if (secret == null || secret.isEmpty()) {
            throw new Refusal(AadError.invalidClient(
                    7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));
        }
        if (!secret.equals(app.secret())) {
            throw new Refusal(AadError.invalidClient(
                    7000215,
                    "Invalid client secret provided. Ensure the secret "
                            + "being sent in the request is the client secret value, not the client secret ID, for a secret "
                            + "added to app '" + app.clientId() + "'."));
        }
        if (app.secretExpired()) {
            throw new Refusal(AadError.invalidClient(
                    7000222,
                    "The provided client secret keys for app '"
                            + app.clientId() + "' are expired. Visit the Azure portal to create new keys for your app: "
                            + "https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: "
                            + "https://aka.ms/certCreds."));
        }
        return app;
    }

    private Map<String, Object> authorizationCode(
            Map<String, String> form, Directory.TenantRef tenant, Directory.App app) throws Refusal {
        String code = required(form, "code");
        GrantStore.CodeGrant grant = grants.code(code)
                .filter(g -> g.clientId().equals(app.clientId()))
                .orElseThrow(() -> new Refusal(AadError.expiredGrant()));
        if (!grant.tenantKey().equals(tenant.key())) {
            throw new Refusal(AadError.badRequest(
                    "invalid_grant",
                    700005,
                    "Provided Authorization Code is " + "intended to use against other tenant, thus rejected."));
        }
        if (grant.redeemed().get()) {
            throw new Refusal(alreadyRedeemed());
        }
        String redirectUri = required(form, "redirect_uri");
        if (!redirectUri.equals(grant.redirectUri())) {
            throw new Refusal(AadError.badRequest(
                    "invalid_grant",
                    500112,
                    "The reply address '" + redirectUri
                            + "' does not match the reply address '" + grant.redirectUri()
                            + "' provided when requesting Authorization code."));
        }
        if (grant.codeChallenge() != null && !pkceMatches(grant, form.get("code_verifier"))) {
            throw new Refusal(AadError.badRequest(
                    "invalid_grant",
                    501481,
                    "The Code_Verifier does not match the code_challenge supplied in the authorization request."));
        }
        if (!grant.redeemed().compareAndSet(false, true)) {
            throw new Refusal(alreadyRedeemed());
        }
        return userTokens(app, grant.account(), grant.scope(), grant.scope(), grant.nonce());
    }

    private Map<String, Object> refreshToken(Map<String, String> form, Directory.App app) throws Refusal {
        String token = required(form, "refresh_token");
        GrantStore.RefreshGrant grant = grants.refreshToken(token)
                .filter(g -> g.clientId().equals(app.clientId()))
                .orElseThrow(() -> new Refusal(AadError.badRequest(
                        "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.")));
        var validFrom = grants.tokensValidFrom(grant.account());
        if (validFrom.isPresent() && !grant.issuedAt().isAfter(validFrom.get())) {
            throw new Refusal(AadError.badRequest(
                    "invalid_grant",
                    50173,
                    "The provided grant has expired due to "
                            + "it being revoked, a fresh auth token is needed. The user might have changed or reset their "
                            + "password. The grant was issued on '" + grant.issuedAt()
                            + "' and the TokensValidFrom date "
                            + "(before which tokens are not valid) for this user is '" + validFrom.get() + "'."));
        }
        String requested = form.get("scope") == null || form.get("scope").isBlank() ? grant.scope() : form.get("scope");
        if (!consented(grant.scope(), requested)) {
            throw new Refusal(AadError.consentRequired(app.clientId(), app.displayName()));
        }
        if (!grant.used().compareAndSet(false, true)) {
            throw new Refusal(AadError.expiredGrant());
        }
        return userTokens(app, grant.account(), requested, grant.scope(), null);
    }

    /**
     * Whether the grant covers the requested scopes: every resource scope asked for was consented to (a refresh
     * token serves any resource the user consented to, and no other); the OpenID scopes always are.
     */
    private static boolean consented(String grantScope, String requested) {
        Set<String> granted = Arrays.stream(grantScope.trim().split("\\s+"))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return Arrays.stream(requested.trim().split("\\s+"))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .allMatch(s -> OPENID.contains(s) || granted.contains(s));
    }

    private Map<String, Object> clientCredentials(
            Map<String, String> form, Directory.TenantRef tenant, Directory.App app) throws Refusal {
        if (tenant.generic()) {
            throw new Refusal(AadError.badRequest(
                    "invalid_request",
                    50059,
                    "No tenant-identifying information "
                            + "found in either the request or implied by any provided credentials."));
        }
        String scope = required(form, "scope").trim();
        if (!scope.endsWith("/.default") || scope.contains(" ")) {
            throw new Refusal(AadError.badRequest(
                    "invalid_scope",
                    1002012,
                    "The provided value for scope " + scope
                            + " is not valid. Client credential flows must have a scope value with /.default suffixed to "
                            + "the resource identifier (application ID URI)."));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token_type", "Bearer");
        response.put("expires_in", grants.accessTokenSeconds());
        response.put("ext_expires_in", grants.accessTokenSeconds());
        response.put(
                "access_token",
                grants.issueAccessToken(app.clientId(), tenant.tenant().id(), null, scope));
        return response;
    }

    /**
     * The tokens of a user grant: the access token for the requested scope, and a refresh token carrying what the
     * grant consented to (so a later refresh may ask for any of it).
     */
    private Map<String, Object> userTokens(
            Directory.App app, Directory.Account account, String scope, String consented, String nonce) {
        var scopes = Arrays.asList(scope.trim().split("\\s+"));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token_type", "Bearer");
        response.put("scope", scope.trim());
        response.put("expires_in", grants.accessTokenSeconds());
        response.put("ext_expires_in", grants.accessTokenSeconds());
        response.put(
                "access_token", grants.issueAccessToken(app.clientId(), account.tenantId(), account, scope.trim()));
        if (scopes.contains("offline_access")) {
            response.put("refresh_token", grants.issueRefreshToken(app.clientId(), account, consented));
        }
        if (scopes.contains("openid")) {
            response.put(
                    "id_token", signer.idToken(authority, app.clientId(), account, nonce, scripts.takeIdTokenClaims()));
        }
        return response;
    }

    private static boolean pkceMatches(GrantStore.CodeGrant grant, String verifier) {
        if (verifier == null || verifier.isEmpty()) {
            return false;
        }
        if ("plain".equals(grant.codeChallengeMethod())) {
            return verifier.equals(grant.codeChallenge());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .equals(grant.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AadError alreadyRedeemed() {
        return AadError.badRequest(
                "invalid_grant",
                54005,
                "OAuth2 Authorization code was already redeemed, please "
                        + "retry with a new valid code or use an existing refresh token.");
    }

    private static String required(Map<String, String> form, String name) throws Refusal {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(AadError.missingParameter(name));
        }
        return value;
    }
}
