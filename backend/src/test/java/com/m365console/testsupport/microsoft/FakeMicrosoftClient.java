package com.m365console.testsupport.microsoft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives the fake over HTTP the way a browser and a confidential client would, for tests of the fake itself. */
final class FakeMicrosoftClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String authority;
    private final String clientId;
    private final String secret;
    private final String redirectUri;

    FakeMicrosoftClient(String authority, String clientId, String secret, String redirectUri) {
        this.authority = authority;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    FakeMicrosoftClient withClient(String otherClientId) {
        return new FakeMicrosoftClient(authority, otherClientId, secret, redirectUri);
    }

    String authorizeUrl(String tenant, String scope, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(Map.of(
                "client_id",
                clientId,
                "response_type",
                "code",
                "redirect_uri",
                redirectUri,
                "scope",
                scope,
                "state",
                "af0ifjsldkj",
                "nonce",
                "n-0S6_WzA2Mj"));
        params.putAll(extra);
        return authority + "/" + tenant + "/oauth2/v2.0/authorize?" + form(params);
    }

    String tokenUrl(String tenant) {
        return authority + "/" + tenant + "/oauth2/v2.0/token";
    }

    /** Posts the sign-in page back; the answer is the 302 to the app, or the page again. */
    HttpResponse<String> consent(String authorizeUrl, String login, String choice) {
        return post(authorizeUrl, Map.of("login", login, "consent", choice));
    }

    HttpResponse<String> redeem(String tenant, String code, String verifier) {
        Map<String, String> params = new LinkedHashMap<>(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                redirectUri,
                "client_id",
                clientId,
                "client_secret",
                secret));
        if (verifier != null) {
            params.put("code_verifier", verifier);
        }
        return post(tokenUrl(tenant), params);
    }

    /** A refresh naming the scopes it asks for, as the v2.0 endpoint wants. */
    HttpResponse<String> refresh(String tenant, String refreshToken, String scope) {
        return post(
                tokenUrl(tenant),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        refreshToken,
                        "scope",
                        scope,
                        "client_id",
                        clientId,
                        "client_secret",
                        secret));
    }

    HttpResponse<String> refresh(String tenant, String refreshToken) {
        return post(
                tokenUrl(tenant),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        refreshToken,
                        "client_id",
                        clientId,
                        "client_secret",
                        secret));
    }

    HttpResponse<String> clientCredentials(String tenant, String scope, String clientSecret) {
        return post(
                tokenUrl(tenant),
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "scope",
                        scope,
                        "client_id",
                        clientId,
                        "client_secret",
                        clientSecret));
    }

    HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String url, Map<String, String> params, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** The query parameters of a redirect's Location. */
    static Map<String, String> location(HttpResponse<String> response) {
        return Http.parse(URI.create(response.headers().firstValue("Location").orElseThrow())
                .getRawQuery());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return Http.JSON.readValue(response.body(), Map.class);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> Http.encode(e.getKey()) + "=" + Http.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
