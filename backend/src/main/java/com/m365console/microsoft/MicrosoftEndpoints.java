package com.m365console.microsoft;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the Microsoft identity platform v2.0 and Microsoft Graph URLs for a cloud and tenant. The login and Graph
 * hosts follow the Cloud setting; {@code m365.microsoft.authority-host} and {@code m365.microsoft.graph-host}
 * override them (tests, unusual deployments). Token scopes always name the Cloud's real Graph resource.
 */
@Component
public class MicrosoftEndpoints {

    private final String authorityHostOverride;
    private final String graphHostOverride;

    public MicrosoftEndpoints(
            @Value("${m365.microsoft.authority-host:}") String authorityHostOverride,
            @Value("${m365.microsoft.graph-host:}") String graphHostOverride) {
        this.authorityHostOverride = authorityHostOverride.isBlank() ? null : stripSlash(authorityHostOverride.trim());
        this.graphHostOverride = graphHostOverride.isBlank() ? null : stripSlash(graphHostOverride.trim());
    }

    public String graphHost(Cloud cloud) {
        return graphHostOverride != null ? graphHostOverride : cloud.graphHost();
    }

    /** Microsoft Graph's v1.0 API root on the cloud's (or the overriding) Graph host; every Graph path hangs off it. */
    public String graphApi(Cloud cloud) {
        return graphHost(cloud) + "/v1.0";
    }

    /** The app registration reading itself: its secrets' and certificates' metadata (needs Application.Read.All). */
    public String graphApplicationCredentials(Cloud cloud, String clientId) {
        return graphApi(cloud) + "/applications(appId='" + clientId + "')?$select=passwordCredentials,keyCredentials";
    }

    public String authorityHost(Cloud cloud) {
        return authorityHostOverride != null ? authorityHostOverride : cloud.authorityHost();
    }

    public String authorize(Cloud cloud, String tenant) {
        return authorityHost(cloud) + "/" + tenant + "/oauth2/v2.0/authorize";
    }

    public String token(Cloud cloud, String tenant) {
        return authorityHost(cloud) + "/" + tenant + "/oauth2/v2.0/token";
    }

    public String discovery(Cloud cloud, String tenant) {
        return authorityHost(cloud) + "/" + tenant + "/v2.0/.well-known/openid-configuration";
    }

    public String keys(Cloud cloud, String tenant) {
        return authorityHost(cloud) + "/" + tenant + "/discovery/v2.0/keys";
    }

    /**
     * Where a tenant's administrator grants the application's permissions for the whole tenant; Microsoft comes
     * back to {@code redirectUri} with {@code admin_consent=True} (or an error) and {@code state}.
     */
    public String adminConsent(Cloud cloud, String tenant, String clientId, URI redirectUri, String state) {
        return UriComponentsBuilder.fromUriString(authorityHost(cloud) + "/" + tenant + "/adminconsent")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", redirectUri.toString())
                .queryParam("state", state)
                .encode()
                .build()
                .toUriString();
    }

    /** The issuer of tokens from one tenant, as Microsoft writes it: {@code {authority}/{tenant id}/v2.0}. */
    public String issuer(Cloud cloud, String tenantId) {
        return authorityHost(cloud) + "/" + tenantId + "/v2.0";
    }

    /** The scope an app-only (client credentials) token for Microsoft Graph asks for in this cloud. */
    public String graphAppScope(Cloud cloud) {
        return cloud.graphHost() + "/.default";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
