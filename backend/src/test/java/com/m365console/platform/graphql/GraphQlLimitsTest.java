package com.m365console.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Abusive queries are refused with a clear error; introspection and the schema are for signed-in callers. */
@IntegrationTest
class GraphQlLimitsTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @BeforeEach
    void accounts() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
    }

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { name } } } } } } } } } } } } }";
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .document(deep)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .anySatisfy(error -> assertThat(error.getMessage()).containsIgnoringCase("depth")));
    }

    @Test
    void tooComplexAQueryIsRefused() {
        String wide = IntStream.range(0, 200)
                .mapToObj(i -> "m" + i + ": me { id username email }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .document(wide)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .anySatisfy(error -> assertThat(error.getMessage()).containsIgnoringCase("complexity")));
    }

    @Test
    void aRefusedQuerySentAgainIsRefusedAgain() {
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { name } } } } } } } } } } } } }";
        String wide = IntStream.range(0, 200)
                .mapToObj(i -> "m" + i + ": me { id username email }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        for (int attempt = 0; attempt < 2; attempt++) {
            for (String[] refused :
                    new String[][] {{deep, "depth"}, {wide, "complexity"}, {"{ me { id ", "Invalid syntax"}}) {
                sessions.graphQl("alice", TestAccounts.PASSWORD)
                        .document(refused[0])
                        .execute()
                        .errors()
                        .satisfy(errors -> assertThat(errors)
                                .anySatisfy(
                                        error -> assertThat(error.getMessage()).containsIgnoringCase(refused[1])));
            }
            sessions.anonymous()
                    .graphQl()
                    .document("{ __schema { queryType { name } } }")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors).isNotEmpty());
        }
    }

    @Test
    void introspectionIsForSignedInCallers() {
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .document("{ __schema { queryType { name } } }")
                .execute()
                .path("__schema.queryType.name")
                .entity(String.class)
                .isEqualTo("Query");
        sessions.anonymous()
                .graphQl()
                .document("{ __schema { queryType { name } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void schemaDownloadNeedsSignIn() {
        sessions.client().get().uri("/graphql/schema").exchange().expectStatus().isUnauthorized();
        sessions.signIn("alice", TestAccounts.PASSWORD)
                .client()
                .get()
                .uri("/graphql/schema")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(schema -> assertThat(schema).contains("type MicrosoftSettings"));
    }
}
