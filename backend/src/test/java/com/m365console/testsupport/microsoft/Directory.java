package com.m365console.testsupport.microsoft;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The fake's Entra ID directory: tenants, app registrations and accounts, and how a {tenant} path segment resolves. */
final class Directory {

    static final String CONSUMERS_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    record Tenant(String id, List<String> domains) {
        /** What Entra prints where a message names the directory. */
        String displayName() {
            return domains.isEmpty() ? id : domains.get(0);
        }
    }

    /**
     * An app registration: its secret (with its end date, as Graph lists it), the certificates registered for client
     * assertions, and whether it was granted Application.Read.All (to read itself through Graph).
     */
    record App(
            String clientId,
            String secret,
            String homeTenantId,
            boolean multiTenant,
            List<String> redirectUris,
            String displayName,
            boolean secretExpired,
            Instant secretEndDateTime,
            List<X509Certificate> certificates,
            boolean mayReadApplications) {

        App withSecretExpired() {
            return new App(
                    clientId,
                    secret,
                    homeTenantId,
                    multiTenant,
                    redirectUris,
                    displayName,
                    true,
                    secretEndDateTime,
                    certificates,
                    mayReadApplications);
        }

        App withDisplayName(String name) {
            return new App(
                    clientId,
                    secret,
                    homeTenantId,
                    multiTenant,
                    redirectUris,
                    name,
                    secretExpired,
                    secretEndDateTime,
                    certificates,
                    mayReadApplications);
        }

        App withSecretEndDateTime(Instant end) {
            return new App(
                    clientId,
                    secret,
                    homeTenantId,
                    multiTenant,
                    redirectUris,
                    displayName,
                    secretExpired,
                    end,
                    certificates,
                    mayReadApplications);
        }

        App withCertificate(X509Certificate certificate) {
            List<X509Certificate> all = new ArrayList<>(certificates);
            all.add(certificate);
            return new App(
                    clientId,
                    secret,
                    homeTenantId,
                    multiTenant,
                    redirectUris,
                    displayName,
                    secretExpired,
                    secretEndDateTime,
                    List.copyOf(all),
                    mayReadApplications);
        }

        App withApplicationRead(boolean allowed) {
            return new App(
                    clientId,
                    secret,
                    homeTenantId,
                    multiTenant,
                    redirectUris,
                    displayName,
                    secretExpired,
                    secretEndDateTime,
                    certificates,
                    allowed);
        }
    }

    record Account(String tenantId, String oid, String email, String displayName) {}

    /** What a {tenant} path segment names: one registered tenant, a multi-tenant alias, or nothing known. */
    record TenantRef(String segment, Kind kind, Tenant tenant) {
        enum Kind {
            TENANT,
            ORGANIZATIONS,
            COMMON,
            CONSUMERS,
            UNKNOWN
        }

        boolean known() {
            return kind != Kind.UNKNOWN;
        }

        boolean generic() {
            return kind == Kind.ORGANIZATIONS || kind == Kind.COMMON || kind == Kind.CONSUMERS;
        }

        /** Same key for a tenant's GUID and its domains, so a code can be redeemed through either. */
        String key() {
            return tenant != null ? tenant.id() : kind.name();
        }

        /** The name Entra's messages use for this directory. */
        String directoryName() {
            return tenant != null ? tenant.displayName() : segment;
        }
    }

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, String> tenantIdByDomain = new ConcurrentHashMap<>();
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, Account> accountsByEmail = new ConcurrentHashMap<>();

    void addTenant(String tenantId, List<String> domains) {
        String id = lower(tenantId);
        if (!GUID.matcher(id).matches()) {
            throw new IllegalArgumentException("A tenant ID is a GUID, got '" + tenantId + "'");
        }
        List<String> lowered = domains.stream().map(Directory::lower).toList();
        tenants.put(id, new Tenant(id, lowered));
        lowered.forEach(domain -> tenantIdByDomain.put(domain, id));
    }

    void registerApp(
            String clientId, String secret, String homeTenantId, boolean multiTenant, List<String> redirectUris) {
        String home = requireTenant(homeTenantId).id();
        apps.put(
                lower(clientId),
                new App(
                        clientId,
                        secret,
                        home,
                        multiTenant,
                        List.copyOf(redirectUris),
                        clientId,
                        false,
                        Instant.now().plus(java.time.Duration.ofDays(365)),
                        List.of(),
                        false));
    }

    void expireSecret(String clientId) {
        update(clientId, App::withSecretExpired);
    }

    void nameApp(String clientId, String displayName) {
        update(clientId, app -> app.withDisplayName(displayName));
    }

    void secretEndDateTime(String clientId, Instant end) {
        update(clientId, app -> app.withSecretEndDateTime(end));
    }

    void addCertificate(String clientId, X509Certificate certificate) {
        update(clientId, app -> app.withCertificate(certificate));
    }

    void allowApplicationRead(String clientId, boolean allowed) {
        update(clientId, app -> app.withApplicationRead(allowed));
    }

    private void update(String clientId, UnaryOperator<App> change) {
        if (apps.computeIfPresent(lower(clientId), (id, app) -> change.apply(app)) == null) {
            throw new IllegalArgumentException("No app registered with client ID " + clientId);
        }
    }

    void addAccount(String tenantId, String oid, String email, String displayName) {
        String tenant = requireTenant(tenantId).id();
        accountsByEmail.put(lower(email), new Account(tenant, lower(oid), email, displayName));
    }

    TenantRef resolve(String segment) {
        String key = lower(segment);
        switch (key) {
            case "organizations":
                return new TenantRef(segment, TenantRef.Kind.ORGANIZATIONS, null);
            case "common":
                return new TenantRef(segment, TenantRef.Kind.COMMON, null);
            case "consumers", CONSUMERS_TENANT_ID:
                return new TenantRef(segment, TenantRef.Kind.CONSUMERS, null);
            default:
                String id = tenantIdByDomain.getOrDefault(key, key);
                Tenant tenant = tenants.get(id);
                return new TenantRef(segment, tenant == null ? TenantRef.Kind.UNKNOWN : TenantRef.Kind.TENANT, tenant);
        }
    }

    Optional<App> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(lower(clientId)));
    }

    Optional<Account> account(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(accountsByEmail.get(lower(email.trim())));
    }

    Optional<Tenant> tenant(String tenantId) {
        return Optional.ofNullable(tenants.get(lower(tenantId)));
    }

    /** Whether the app may be used in this directory: its home tenant always, any registered tenant if multi-tenant. */
    static boolean visibleIn(App app, TenantRef ref) {
        return ref.generic()
                || app.multiTenant()
                || app.homeTenantId().equals(ref.tenant().id());
    }

    private Tenant requireTenant(String tenantId) {
        return tenant(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("Add tenant " + tenantId + " with addTenant first"));
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
