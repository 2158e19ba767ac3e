package com.m365console.testsupport.microsoft;

import com.m365console.testsupport.microsoft.graph.FakeGraph;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of the Microsoft identity platform v2.0 on 127.0.0.1: Microsoft's paths, JSON and HTML, so the
 * app's real OpenID Connect sign-in and client-credentials calls can be tested end to end without mocks.
 */
public final class FakeMicrosoftIdentityPlatform implements AutoCloseable {

    private static final Pattern TENANT_PATH =
            Pattern.compile("^/([^/]+)/(v2\\.0/\\.well-known/openid-configuration|discovery/v2\\.0/keys"
                    + "|oauth2/v2\\.0/authorize|oauth2/v2\\.0/token|oauth2/v2\\.0/logout|adminconsent)$");
    private static final Pattern CONTROL_PATH = Pattern.compile("^/_fake/([a-z-]+)$");
    private static final Pattern GRAPH_APPLICATION = Pattern.compile("^/v1\\.0/applications\\(appId='([^']+)'\\)$");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String authority;
    private final Directory directory = new Directory();
    private final GrantStore grants = new GrantStore();
    private final IdTokenSigner signer = new IdTokenSigner();
    private final Scripts scripts = new Scripts();
    private final MetadataEndpoints metadata;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final ControlEndpoints control;
    private final IntrospectionEndpoint introspection;
    private final GraphEndpoint graph;
    private final FakeGraph mailGraph;

    private FakeMicrosoftIdentityPlatform(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        authority = "http://127.0.0.1:" + server.getAddress().getPort();
        metadata = new MetadataEndpoints(authority, directory, grants, signer);
        authorize = new AuthorizeEndpoint(authority, directory, grants, scripts);
        token = new TokenEndpoint(authority, directory, grants, signer, scripts);
        control = new ControlEndpoints(this);
        introspection = new IntrospectionEndpoint(grants);
        graph = new GraphEndpoint(directory, grants);
        mailGraph = new FakeGraph(authority, grants::accessToken, grants::activeAccessToken);
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-microsoft-identity");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static FakeMicrosoftIdentityPlatform start() {
        return start(0);
    }

    /** Starts on 127.0.0.1 on the given port (0 picks a free one). */
    public static FakeMicrosoftIdentityPlatform start(int port) {
        try {
            return new FakeMicrosoftIdentityPlatform(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake Microsoft identity platform", e);
        }
    }

    /** The authority host, e.g. {@code http://127.0.0.1:53127}, without a trailing slash. */
    public String authority() {
        return authority;
    }

    public FakeMicrosoftIdentityPlatform addTenant(String tenantId, String... verifiedDomains) {
        directory.addTenant(tenantId, List.of(verifiedDomains));
        return this;
    }

    /** Registers an app in its home tenant; a multi-tenant app may be used from any registered tenant. */
    public FakeMicrosoftIdentityPlatform registerApp(
            String clientId, String secret, String homeTenantId, boolean multiTenant, String... redirectUris) {
        directory.registerApp(clientId, secret, homeTenantId, multiTenant, List.of(redirectUris));
        return this;
    }

    /** The app's display name, shown on the sign-in page and in error messages (defaults to the client ID). */
    public FakeMicrosoftIdentityPlatform nameApp(String clientId, String displayName) {
        directory.nameApp(clientId, displayName);
        return this;
    }

    /** Registers a certificate for the app's client assertions (Azure: Certificates & secrets > Upload). */
    public FakeMicrosoftIdentityPlatform addCertificate(
            String clientId, java.security.cert.X509Certificate certificate) {
        directory.addCertificate(clientId, certificate);
        return this;
    }

    /** When the app's secret ends, as Microsoft Graph lists it (a year after registration unless set). */
    public void secretEndDateTime(String clientId, java.time.Instant end) {
        directory.secretEndDateTime(clientId, end);
    }

    /** Grants (or takes back) Application.Read.All: without it Graph answers 403 Authorization_RequestDenied. */
    public void allowApplicationRead(String clientId, boolean allowed) {
        directory.allowApplicationRead(clientId, allowed);
    }

    /**
     * Microsoft Graph's root on this server (set {@code m365.microsoft.graph-host} to it): the app registration
     * reading itself, {@code GET /v1.0/applications(appId='...')}.
     */
    public String graphHost() {
        return authority;
    }

    /**
     * Microsoft Graph's mail API on {@link #graphHost()}: the mailboxes to seed and change, and its controls
     * (throttling, outages, expired delta tokens); tokens are checked as this platform issued them.
     */
    public FakeGraph graph() {
        return mailGraph;
    }

    /** From now on the app's secret is refused with AADSTS7000222. */
    public void expireSecret(String clientId) {
        directory.expireSecret(clientId);
    }

    public FakeMicrosoftIdentityPlatform addAccount(String tenantId, String oid, String email, String displayName) {
        directory.addAccount(tenantId, oid, email, displayName);
        return this;
    }

    /** The next POST of the sign-in page redirects back with this error instead of a code. */
    public void failNextAuthorize(String error, int aadsts, String message) {
        scripts.failNextAuthorize(AadError.badRequest(error, aadsts, message));
    }

    /**
     * The next token request fails with this status and error (500 + "temporarily_unavailable" for outages);
     * called n times, the next n requests fail.
     */
    public void failNextToken(int httpStatus, String error, int aadsts, String message) {
        scripts.failNextToken(new AadError(httpStatus, error, aadsts, message));
    }

    /** Like a slow Microsoft: each token request from now on is answered this long after it came (ZERO: at once). */
    public void delayTokenResponses(java.time.Duration delay) {
        scripts.delayTokenResponses(delay);
    }

    /** Replaces or adds claims in the next ID token, still validly signed; a null value removes the claim. */
    public void overrideNextIdToken(Map<String, Object> claims) {
        scripts.overrideNextIdToken(claims);
    }

    /**
     * Like an admin revoking the user's sessions: refresh tokens issued so far fail with AADSTS50173, and access
     * tokens issued so far are inactive at the introspection endpoint.
     */
    public void revokeGrants(String email) {
        grants.revokeGrants(email);
    }

    /** Tells the listener the address of each account whose grants are revoked (e.g. to let a mail server refuse). */
    public void onGrantsRevoked(java.util.function.Consumer<String> listener) {
        grants.onGrantsRevoked(listener);
    }

    /** Tells the listener about every access token issued from now on (e.g. to let a test mail server accept it). */
    public void onAccessTokenIssued(java.util.function.BiConsumer<String, AccessTokenGrant> listener) {
        grants.onAccessTokenIssued(listener);
    }

    /**
     * The RFC 7662 introspection endpoint (POST, form {@code token=...}) a test mail server asks whether an access
     * token is active: {@code {"active":true,"username":"<mailbox address>",...}} or {@code {"active":false}}.
     */
    public String introspectionUrl() {
        return authority + "/_fake/introspect";
    }

    /** Access tokens issued from now on live this long (Entra's default: 3599 s). */
    public void accessTokenLifetime(java.time.Duration lifetime) {
        grants.accessTokenSeconds(Math.toIntExact(lifetime.toSeconds()));
    }

    /** Makes every access token issued so far expire now, so the app has to refresh. */
    public void expireAccessTokens() {
        grants.expireAccessTokens();
    }

    /** The query parameters of each GET of the authorize endpoint, in order. */
    public List<Map<String, String>> authorizeRequests() {
        return scripts.authorizeRequests();
    }

    /** The form parameters of each token request as sent (client_secret included, HTTP Basic credentials not). */
    public List<Map<String, String>> tokenRequests() {
        return scripts.tokenRequests();
    }

    /**
     * An access token for an added account, as if the app had signed it in with the client's consent: lets a test seed
     * many connected mailboxes without a sign-in each. The introspection endpoint answers for it as for any other.
     */
    public String issueAccessToken(String clientId, String email, String scope) {
        Directory.Account account = directory.account(email).orElseThrow();
        return grants.issueAccessToken(clientId, account.tenantId(), account, scope);
    }

    /** The access tokens that have not expired. */
    public Set<String> validAccessTokens() {
        return grants.validAccessTokens();
    }

    /** Who and what an access token was issued for, so a fake resource server can check a bearer token. */
    public Optional<AccessTokenGrant> accessToken(String accessToken) {
        return grants.accessToken(accessToken);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Standalone: {@code [port]} (0 or none: random); prints one line with the authority, serves until killed. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        FakeMicrosoftIdentityPlatform platform = start(port);
        System.out.println("FakeMicrosoftIdentityPlatform listening on " + platform.authority());
        System.out.flush();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestURI().getRawPath(), exchange.getRequestMethod());
        } catch (RuntimeException e) {
            Http.json(
                    exchange,
                    500,
                    new AadError(500, "server_error", 0, String.valueOf(e))
                            .occur()
                            .json(authority));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path, String method) throws IOException {
        Matcher tenantPath = TENANT_PATH.matcher(path);
        Matcher controlPath = CONTROL_PATH.matcher(path);
        if (tenantPath.matches()) {
            String tenant = Http.decode(tenantPath.group(1));
            String endpoint = tenantPath.group(2);
            boolean get = method.equals("GET");
            if (endpoint.endsWith("authorize") && (get || method.equals("POST"))) {
                authorize.handle(exchange, tenant);
            } else if (endpoint.endsWith("token") && method.equals("POST")) {
                token.handle(exchange, tenant);
            } else if (endpoint.endsWith("openid-configuration") && get) {
                metadata.discovery(exchange, tenant);
            } else if (endpoint.endsWith("keys") && get) {
                metadata.keys(exchange, tenant);
            } else if (endpoint.equals("adminconsent") && get) {
                authorize.adminConsent(exchange, tenant);
            } else if (endpoint.endsWith("logout") && get) {
                metadata.logout(exchange);
            } else {
                Http.empty(exchange, 405);
            }
        } else if (path.equals("/_fake/introspect")) {
            if (method.equals("POST")) {
                introspection.handle(exchange);
            } else {
                Http.empty(exchange, 405);
            }
        } else if (controlPath.matches()) {
            control.handle(exchange, controlPath.group(1));
        } else if (GRAPH_APPLICATION.matcher(path).matches() && method.equals("GET")) {
            Matcher application = GRAPH_APPLICATION.matcher(path);
            application.matches();
            graph.application(exchange, Http.decode(application.group(1)));
        } else if (path.startsWith("/v1.0/")) {
            mailGraph.handle(exchange);
        } else if (path.equals("/oidc/userinfo") && method.equals("GET")) {
            metadata.userinfo(exchange);
        } else if (path.equals("/error") && method.equals("GET")) {
            metadata.errorLookup(exchange);
        } else {
            Http.empty(exchange, 404);
        }
    }
}
