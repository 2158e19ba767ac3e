package com.m365console.support;

import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Saves an app registration on Microsoft Settings as an admin does, with Emails Sync on: tests and benchmarks. */
public final class RegisteredApp {

    private RegisteredApp() {}

    /** Saves the registration through updateMicrosoftSettings and checks that nothing was refused. */
    public static void saveWithEmailSync(HttpGraphQlTester admin, String clientId, String secret, String tenant) {
        admin.documentName("updateMicrosoftSettings")
                .variable(
                        "input",
                        Map.of(
                                "clientId",
                                Map.of("value", clientId),
                                "clientSecret",
                                Map.of("replaceWith", secret),
                                "tenant",
                                Map.of("value", tenant),
                                "emailSyncEnabled",
                                Map.of("value", true)))
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
    }
}
