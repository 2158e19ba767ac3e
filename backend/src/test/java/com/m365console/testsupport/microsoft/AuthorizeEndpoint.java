package com.m365console.testsupport.microsoft;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * /{tenant}/oauth2/v2.0/authorize: checks the request the way Entra does, shows the sign-in and consent page on GET,
 * and on POST of that page redirects back to the app with a code or an error.
 */
final class AuthorizeEndpoint {

    private static final String UNKNOWN_USERNAME =
            "This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.";

    private final String authority;
    private final Directory directory;
    private final GrantStore grants;
    private final Scripts scripts;

    AuthorizeEndpoint(String authority, Directory directory, GrantStore grants, Scripts scripts) {
        this.authority = authority;
        this.directory = directory;
        this.grants = grants;
        this.scripts = scripts;
    }

    void handle(HttpExchange exchange, String tenantSegment) throws IOException {
        Map<String, String> query = Http.query(exchange);
        boolean post = "POST".equals(exchange.getRequestMethod());
        if (!post) {
            scripts.recordAuthorize(query);
        }
        Directory.TenantRef tenant = directory.resolve(tenantSegment);
        AadError pageError = pageError(tenant, query);
        if (pageError != null) {
            Http.html(exchange, pageError.status(), Pages.error(pageError.occur()));
            return;
        }
        Directory.App app = directory.app(query.get("client_id")).orElseThrow();
        AadError redirectError = redirectError(tenant, app, query);
        if (redirectError != null) {
            redirectWithError(exchange, query, redirectError);
        } else if (post) {
            consent(exchange, tenant, app, query, Http.form(exchange));
        } else {
            showSignIn(exchange, app, query, query.getOrDefault("login_hint", ""), null);
        }
    }

    /**
     * /{tenant}/adminconsent: a tenant administrator grants the app's permissions for the tenant. The fake skips
     * the administrator's sign-in and answers as Microsoft does once it is given.
     */
    void adminConsent(HttpExchange exchange, String tenantSegment) throws IOException {
        Map<String, String> query = Http.query(exchange);
        Directory.TenantRef tenant = directory.resolve(tenantSegment);
        AadError pageError = pageError(tenant, query);
        if (pageError != null) {
            Http.html(exchange, pageError.status(), Pages.error(pageError.occur()));
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("admin_consent", "True");
        params.put(
                "tenant",
                tenant.kind() == Directory.TenantRef.Kind.TENANT
                        ? tenant.tenant().id()
                        : tenantSegment);
        if (query.get("state") != null) {
            params.put("state", query.get("state"));
        }
        Http.redirect(exchange, query.get("redirect_uri"), params);
    }

    /** Errors Microsoft shows on its own page, because it cannot trust where it would redirect. */
    private AadError pageError(Directory.TenantRef tenant, Map<String, String> query) {
        if (!tenant.known()) {
            return AadError.tenantNotFound(tenant.segment());
        }
        String clientId = query.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            return AadError.missingParameter("client_id");
        }
        Directory.App app = directory.app(clientId).orElse(null);
        if (app == null || !Directory.visibleIn(app, tenant)) {
            return AadError.appNotFound(clientId, tenant.directoryName());
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            return AadError.badRequest("invalid_request", 900971, "No reply address provided.");
        }
        if (!app.redirectUris().contains(redirectUri)) {
            return AadError.badRequest(
                    "invalid_request",
                    50011,
                    "The redirect URI '" + redirectUri
                            + "' specified in the request does not match the redirect URIs configured for the application '"
                            + app.clientId()
                            + "'. Make sure the redirect URI sent in the request matches one added to your "
                            + "application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn "
                            + "more about how to fix this.");
        }
        return null;
    }

    /** Errors Microsoft sends back to the (trusted) redirect URI. */
    private static AadError redirectError(Directory.TenantRef tenant, Directory.App app, Map<String, String> query) {
        if (tenant.kind() == Directory.TenantRef.Kind.CONSUMERS) {
            return AadError.badRequest(
                    "invalid_request",
                    9002332,
                    "Application '" + app.clientId() + "'("
                            + app.displayName()
                            + ") is configured for use by Azure Active Directory users only. Please do "
                            + "not use the /consumers endpoint to serve this request.");
        }
        if (tenant.generic() && !app.multiTenant()) {
            return AadError.badRequest(
                    "invalid_request",
                    50194,
                    "Application '" + app.clientId() + "'("
                            + app.displayName()
                            + ") is not configured as a multi-tenant application. Usage of the /common "
                            + "endpoint is not supported for such applications created after '10/15/2018'. Use a "
                            + "tenant-specific endpoint or configure the application to be multi-tenant.");
        }
        String responseType = query.get("response_type");
        if (responseType == null || responseType.isBlank()) {
            return AadError.missingParameter("response_type");
        }
        if (!"code".equals(responseType)) {
            return AadError.badRequest(
                    "unsupported_response_type",
                    70005,
                    "response_type '" + responseType + "' is not enabled for the application.");
        }
        if (query.getOrDefault("scope", "").isBlank()) {
            return AadError.missingParameter("scope");
        }
        String method = query.get("code_challenge_method");
        if (query.containsKey("code_challenge")
                && method != null
                && !Set.of("S256", "plain").contains(method)) {
            return AadError.badRequest("invalid_request", 50149, "Invalid Code_Challenge_method parameter.");
        }
        if ("none".equals(query.get("prompt"))) {
            return AadError.badRequest(
                    "login_required", 50058, "A silent sign-in request was sent but no user is signed in.");
        }
        return null;
    }

    private void consent(
            HttpExchange exchange,
            Directory.TenantRef tenant,
            Directory.App app,
            Map<String, String> query,
            Map<String, String> form)
            throws IOException {
        AadError scripted = scripts.takeAuthorizeFailure();
        if (scripted != null) {
            redirectWithError(exchange, query, scripted);
            return;
        }
        if ("cancel".equals(form.get("consent"))) {
            redirectWithError(
                    exchange,
                    query,
                    AadError.badRequest("access_denied", 65004, "User declined to consent to access the app."));
            return;
        }
        String login = form.getOrDefault("login", "");
        Directory.Account account = directory.account(login).orElse(null);
        if (account == null) {
            showSignIn(exchange, app, query, login, UNKNOWN_USERNAME);
            return;
        }
        if (tenant.kind() == Directory.TenantRef.Kind.TENANT
                && !tenant.tenant().id().equals(account.tenantId())) {
            redirectWithError(
                    exchange,
                    query,
                    AadError.badRequest(
                            "invalid_request",
                            50020,
                            "User account '"
                                    + account.email() + "' from identity provider 'https://sts.windows.net/"
                                    + account.tenantId()
                                    + "/' does not exist in tenant '" + tenant.directoryName()
                                    + "' and cannot access the "
                                    + "application '" + app.clientId() + "'(" + app.displayName()
                                    + ") in that tenant. The account "
                                    + "needs to be added as an external user in the tenant first. Sign out and sign in again with a "
                                    + "different Azure Active Directory user account."));
            return;
        }
        String code = grants.issueCode(
                app.clientId(),
                tenant.key(),
                account,
                query.get("redirect_uri"),
                query.get("scope"),
                query.get("nonce"),
                query.get("code_challenge"),
                query.getOrDefault("code_challenge_method", "plain"));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        if (query.get("state") != null) {
            params.put("state", query.get("state"));
        }
        params.put("session_state", Http.newGuid());
        Http.redirect(exchange, query.get("redirect_uri"), params);
    }

    private void showSignIn(
            HttpExchange exchange, Directory.App app, Map<String, String> query, String login, String error)
            throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String action = exchange.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        Http.html(exchange, 200, Pages.signIn(action, app.displayName(), login, query.get("scope"), error));
    }

    private void redirectWithError(HttpExchange exchange, Map<String, String> query, AadError error)
            throws IOException {
        Http.redirect(
                exchange, query.get("redirect_uri"), error.occur().redirectParameters(authority, query.get("state")));
    }
}
