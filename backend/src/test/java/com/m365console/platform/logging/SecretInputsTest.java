package com.m365console.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The app's own schema decides which values are secret, however a request passes them. */
class SecretInputsTest {

    static GraphQLSchema schema;

    @BeforeAll
    static void schema() throws IOException {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                types.merge(new SchemaParser().parse(reader));
            }
        }
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(ExtendedScalars.DateTime)
                .scalar(ExtendedScalars.UUID)
                .scalar(ExtendedScalars.Url)
                .build();
        schema = new SchemaGenerator().makeExecutableSchema(types, wiring);
    }

    @AfterEach
    void forget() {
        SecretValues.forget();
    }

    @Test
    void findsInlineLiteralsAtSecretPositionsOnly() {
        assertThat(SecretInputs.find(
                        schema,
                        "mutation { updateMicrosoftSettings(input: {tenant: {value: \"contoso\"},"
                                + " clientSecret: {replaceWith: \"s3cr\\\"et\"}}) { errors { code } } }",
                        Map.of()))
                .containsExactly("s3cr\"et");
    }

    @Test
    void findsVariablesOfAnyNameUsedAtSecretPositions() {
        assertThat(SecretInputs.find(
                        schema,
                        "mutation($x1: String!, $n: String!) { createUser(input: {username: $n,"
                                + " password: $x1, role: USER}) { errors { code } } }",
                        Map.of("x1", "pw-value", "n", "bob")))
                .containsExactly("pw-value");
        assertThat(SecretInputs.find(
                        schema,
                        "mutation($i: ChangePasswordInput!) { changePassword(input: $i) " + "{ errors { code } } }",
                        Map.of("i", Map.of("currentPassword", "old-pw", "newPassword", "new-pw"))))
                .containsExactlyInAnyOrder("old-pw", "new-pw");
    }

    @Test
    void findsSecretsInEveryOperationAndBehindFragments() {
        String document = "query A { me { username } } mutation B { ...F } "
                + "fragment F on Mutation { changePassword(input: {currentPassword: \"one\", newPassword: \"two\"}) "
                + "{ errors { code } } }";
        assertThat(SecretInputs.find(schema, document, Map.of())).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void countsEveryStringAsSecretWhenTheRequestCannotBeAnalysed() {
        assertThat(SecretInputs.find(
                        schema,
                        "mutation { changePassword(input: {currentPassword: \"pw\" ",
                        Map.of("v", List.of("a", Map.of("b", "c")))))
                .containsExactlyInAnyOrder("pw", "a", "c");
        assertThat(SecretInputs.find(
                        schema,
                        "mutation($p: Int) { changePassword(input: {currentPassword: $p, "
                                + "newPassword: \"n\"}) { errors { code } } }",
                        Map.of("p", "not-an-int")))
                .contains("not-an-int");
    }

    @Test
    void survivesFragmentCyclesAndFragmentBombs() {
        String cycle = "mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { ...A "
                + "changePassword(input: {currentPassword: \"pw1\", newPassword: \"pw2\"}) { errors { code } } }";
        assertThat(SecretInputs.find(schema, cycle, Map.of())).containsExactlyInAnyOrder("pw1", "pw2");

        StringBuilder bomb = new StringBuilder("mutation { ...F0 } ");
        for (int i = 0; i < 40; i++) {
            bomb.append("fragment F")
                    .append(i)
                    .append(" on Mutation { ...F")
                    .append(i + 1)
                    .append(" ...F")
                    .append(i + 1)
                    .append(" } ");
        }
        bomb.append("fragment F40 on Mutation { changePassword(input: {currentPassword: \"deep\", newPassword: "
                + "\"deeper\"}) { errors { code } } }");
        assertThat(SecretInputs.find(schema, bomb.toString(), Map.of()))
                .as("2^40 spreads")
                .containsExactlyInAnyOrder("deep", "deeper");

        String wide = "mutation($v: String!) { " + "__typename ".repeat(10_001)
                + "changePassword(input: {currentPassword: $v, newPassword: $v}) { errors { code } } }";
        assertThat(SecretInputs.find(schema, wide, Map.of("v", "x")))
                .as("over the selection limit: every string")
                .containsExactly("x");
    }

    @Test
    void aDocumentNamingNoFieldThatTakesASecretHoldsNone() {
        assertThat(SecretInputs.secretFields(schema))
                .contains("changePassword", "createUser", "updateMicrosoftSettings")
                .doesNotContain("microsoftSettings", "mailboxSyncStatus", "me");
        assertThat(SecretInputs.find(
                        schema,
                        "subscription($id: UUID!) { mailboxSyncStatus(mailboxId: $id) { state } }",
                        Map.of("id", "5f0c")))
                .isEmpty();
        assertThat(SecretInputs.find(schema, "{ me { username ", Map.of("v", "x")))
                .as("unparseable, but naming no such field")
                .isEmpty();
    }

    @Test
    void masksRememberedValuesInAnyShapeAndShortOnesOnlyAsWords() {
        SecretValues.remember(List.of("pass\"word-long", "abc"));
        assertThat(SecretValues.mask("variables={p=pass\"word-long}, json {\"p\":\"pass\\\"word-long\"}"))
                .isEqualTo("variables={p=[REDACTED]}, json {\"p\":\"[REDACTED]\"}");
        assertThat(SecretValues.mask("p=abc, abcdef")).isEqualTo("p=[REDACTED], abcdef");
    }
}
