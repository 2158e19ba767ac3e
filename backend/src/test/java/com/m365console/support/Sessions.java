package com.m365console.support;

import java.util.Objects;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Signs in the way the SPA does (GET for the CSRF cookie, form POST to /login) and hands out GraphQL
 * testers that carry the session cookie and the CSRF header.
 */
@TestComponent
public class Sessions {

    private final Environment environment;

    public Sessions(Environment environment) {
        this.environment = environment;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    /**
     * A client of this instance. It waits up to 20 s for an answer, not WebTestClient's 5 s: on the shared 2-core CI
     * machine a test right after a heavy one (hundreds of push watchers winding down) saw a plain 403 take longer.
     */
    public WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(ANSWER)
                .build();
    }

    private static final java.time.Duration ANSWER = java.time.Duration.ofSeconds(20);

    /** A browser that has loaded the SPA but not signed in. */
    public Browser anonymous() {
        String csrf = cookie(client().get().uri("/").exchange().expectBody().returnResult(), "XSRF-TOKEN");
        return new Browser(null, Objects.requireNonNull(csrf, "no XSRF-TOKEN cookie on GET /"));
    }

    public Browser signIn(String username, String password) {
        Browser browser = anonymous();
        EntityExchangeResult<byte[]> result = browser.postLogin(username, password)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        String session = cookie(result, "SESSION");
        String csrf = cookie(result, "XSRF-TOKEN");
        return new Browser(
                Objects.requireNonNull(session, "no SESSION cookie after sign-in"),
                csrf == null || csrf.isEmpty() ? browser.csrf() : csrf);
    }

    public HttpGraphQlTester graphQl(String username, String password) {
        return signIn(username, password).graphQl();
    }

    private static String cookie(EntityExchangeResult<?> result, String name) {
        ResponseCookie cookie = result.getResponseCookies().getFirst(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** The cookies a browser would hold, and requests made with them. */
    public final class Browser {

        private final String session;
        private final String csrf;

        Browser(String session, String csrf) {
            this.session = session;
            this.csrf = csrf;
        }

        public String csrf() {
            return csrf;
        }

        /** The SESSION cookie's value. */
        public String session() {
            return session;
        }

        public WebTestClient client() {
            return client(baseUrl());
        }

        /** The same browser talking to another instance of the app. */
        public WebTestClient client(String instanceBaseUrl) {
            return WebTestClient.bindToServer()
                    .baseUrl(instanceBaseUrl)
                    .build()
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

        public WebTestClient.ResponseSpec postLogin(String username, String password) {
            return client().post()
                    .uri("/login")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("username", username).with("password", password))
                    .exchange();
        }

        public HttpGraphQlTester graphQl() {
            return graphQl(baseUrl());
        }

        public HttpGraphQlTester graphQl(String instanceBaseUrl) {
            return HttpGraphQlTester.create(client(instanceBaseUrl)
                    .mutate()
                    .baseUrl(instanceBaseUrl + "/graphql")
                    .build());
        }
    }
}
