package com.m365console.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Walks "Sign in with Microsoft 365" as a browser does, one redirect at a time: the app's
 * /oauth2/authorization/microsoft, Microsoft's sign-in page (the local fake), the app's callback.
 */
public class MicrosoftSignInBrowser {

    private final Sessions sessions;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String session;
    private final String csrf;

    public MicrosoftSignInBrowser(Sessions sessions) {
        this.sessions = sessions;
        this.csrf = sessions.anonymous().csrf();
    }

    /** Starts the sign-in at the app; answers the URL of Microsoft's authorize page it redirects to. */
    public URI start() {
        EntityExchangeResult<byte[]> result = client().get()
                .uri("/oauth2/authorization/microsoft")
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .returnResult();
        remember(result);
        return result.getResponseHeaders().getLocation();
    }

    /** Submits Microsoft's sign-in page as the given account; answers where Microsoft redirects the browser. */
    public URI consent(URI authorizeUrl, String login, boolean accept) {
        String form = "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&consent="
                + (accept ? "accept" : "cancel");
        try {
            HttpResponse<String> page =
                    http.send(HttpRequest.newBuilder(authorizeUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new AssertionError("Microsoft's sign-in page answered " + page.statusCode() + ": " + page.body());
            }
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(authorizeUrl)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new AssertionError("Microsoft answered " + response.statusCode() + ": " + response.body());
            }
            return URI.create(response.headers().firstValue("Location").orElseThrow());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Follows Microsoft's redirect back into the app; answers where the app sends the browser next. */
    public String callback(URI callbackUrl) {
        EntityExchangeResult<byte[]> result = client().get()
                .uri(callbackUrl)
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .returnResult();
        remember(result);
        return result.getResponseHeaders().getLocation().toString();
    }

    /** The whole sign-in; answers where the app sends the browser at the end ("/" on success). */
    public String signIn(String login) {
        return callback(consent(start(), login, true));
    }

    public HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(
                client().mutate().baseUrl(sessions.baseUrl() + "/graphql").build());
    }

    private WebTestClient client() {
        return sessions.client()
                .mutate()
                .defaultCookies(cookies -> {
                    cookies.add("XSRF-TOKEN", csrf);
                    if (session != null) {
                        cookies.add("SESSION", session);
                    }
                })
                .defaultHeader("X-XSRF-TOKEN", csrf)
                .build();
    }

    private void remember(EntityExchangeResult<?> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
        if (cookie != null) {
            session = cookie.getValue();
        }
    }
}
