package com.m365console.security;

import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Requests as a browser makes them, with extra headers such as a proxy's, and the cookies and headers they get. */
record CookieProbe(Sessions sessions, Map<String, String> extraHeaders) {

    /** The XSRF-TOKEN cookie a first visit to the SPA gets. */
    ResponseCookie csrfCookie() {
        return cookie(spaPage(), "XSRF-TOKEN");
    }

    /** The SESSION cookie that signing in with the account "alice" gets. */
    ResponseCookie sessionCookie() {
        WebTestClient client = sessions.anonymous()
                .client()
                .mutate()
                .defaultHeaders(this::addExtraHeaders)
                .build();
        return cookie(
                client.post()
                        .uri("/login")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("username", "alice").with("password", TestAccounts.PASSWORD))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult(),
                "SESSION");
    }

    /** The response headers of the SPA's page. */
    HttpHeaders spaPageHeaders() {
        return spaPage().getResponseHeaders();
    }

    private EntityExchangeResult<byte[]> spaPage() {
        return sessions.client()
                .get()
                .uri("/")
                .headers(this::addExtraHeaders)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    private void addExtraHeaders(HttpHeaders headers) {
        extraHeaders.forEach(headers::set);
    }

    private static ResponseCookie cookie(EntityExchangeResult<?> result, String name) {
        return Objects.requireNonNull(result.getResponseCookies().getFirst(name), "no " + name + " cookie");
    }
}
