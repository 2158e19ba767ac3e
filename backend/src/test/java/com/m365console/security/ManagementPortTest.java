package com.m365console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code management.server.port} set, Actuator runs in a child context on its own port: the same rules hold
 * there (health open, Prometheus for administrators only), and the app's port serves none of it.
 */
@IntegrationTest
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    Environment environment;

    String adminToken;
    String userToken;

    @BeforeEach
    void tokens() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        accounts.create("jane", "USER");
        adminToken = apiToken(sessions.signIn("alice", TestAccounts.PASSWORD));
        userToken = apiToken(sessions.signIn("jane", TestAccounts.PASSWORD));
    }

    @Test
    void theManagementPortKeepsHealthOpenAndPrometheusForAdministrators() {
        management(null)
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components")
                .doesNotExist();
        management(null)
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        management(userToken)
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isForbidden();
        management(adminToken)
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(scrape -> assertThat(scrape).contains("jvm_memory_used_bytes{"));
        management(adminToken)
                .get()
                .uri("/actuator/env")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void theAppsPortServesNoActuatorEndpoint() {
        sessions.client()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        sessions.client()
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient management(String token) {
        WebTestClient.Builder client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + environment.getRequiredProperty("local.management.port"));
        if (token != null) {
            client.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return client.build();
    }

    private static String apiToken(Sessions.Browser browser) {
        return browser.graphQl()
                .documentName("createApiToken")
                .variable("input", Map.of("name", "scraper"))
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }
}
