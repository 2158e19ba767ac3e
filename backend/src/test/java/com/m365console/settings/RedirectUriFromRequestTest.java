package com.m365console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * While m365.public-base-url is unset, Microsoft Settings say the Redirect URI comes from the request and
 * from which address; a client's own forwarded headers do not count while no forward-headers strategy is set.
 */
@IntegrationTest
class RedirectUriFromRequestTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    HttpGraphQlTester admin;

    @BeforeEach
    void signInAsAdmin() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void theScreenLearnsTheValueCameFromTheRequestAndItsAddress() {
        var settings = settings(admin);
        assertThat(settings.path("redirectUriSource")).isEqualTo("REQUEST");
        assertThat(settings.path("requestBaseUrl")).isEqualTo(sessions.baseUrl());
        assertThat(settings.path("forwardedHeadersTrusted")).isEqualTo(false);
        assertThat(settings.path("redirectUri")).isEqualTo(sessions.baseUrl() + RedirectUris.MICROSOFT_CALLBACK_PATH);
    }

    @Test
    void aStrangersForwardedHeadersDoNotChangeTheRedirectUri() {
        var stranger = admin.mutate()
                .headers(headers -> {
                    headers.set("X-Forwarded-Host", "attacker.example");
                    headers.set("X-Forwarded-Proto", "https");
                    headers.set("Forwarded", "proto=https;host=attacker.example");
                })
                .build();
        var settings = settings(stranger);
        assertThat(settings.path("requestBaseUrl")).isEqualTo(sessions.baseUrl());
        assertThat(settings.path("redirectUri")).isEqualTo(sessions.baseUrl() + RedirectUris.MICROSOFT_CALLBACK_PATH);
    }

    static Settings settings(GraphQlTester tester) {
        return new Settings(tester.documentName("microsoftSettings")
                .execute()
                .path("microsoftSettings")
                .entity(Map.class)
                .get());
    }

    record Settings(Map<?, ?> raw) {
        Object path(String field) {
            return raw.get(field);
        }
    }
}
