package com.m365console.platform.logging;

import com.m365console.platform.graphql.InputValues;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorFragmentSpreadEnvironment;
import graphql.analysis.QueryVisitorInlineFragmentEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the secret values in a GraphQL request: those the schema marks {@code @secret} (an argument or input
 * field), whether written inline in the document or passed in a variable of any name. When the request cannot
 * be analysed (it does not parse, its variables do not fit, it expands beyond {@value #MAX_VISITS}
 * selections), every string in it counts as secret. A document that names no field taking a secret (most of them:
 * queries, subscriptions) holds none, and is not parsed a second time.
 */
final class SecretInputs {

    static final String SECRET = "secret";
    private static final int MAX_FALLBACK_STRINGS = 100;
    private static final int MAX_VISITS = 10_000;
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The names of the fields that take a secret, of the schema they were found in. */
    private record SecretFields(GraphQLSchema schema, Set<String> names) {}

    private static volatile SecretFields secretFields;

    private SecretInputs() {}

    static Set<String> find(GraphQLSchema schema, String document, Map<String, Object> variables) {
        Set<String> secrets = new LinkedHashSet<>();
        if (document == null) {
            return secrets;
        }
        if (secretFields(schema).stream().noneMatch(document::contains)) {
            return secrets;
        }
        Map<String, Object> vars = variables == null ? Map.of() : variables;
        try {
            Document parsed = Parser.parse(document);
            SecretFieldVisitor visitor = new SecretFieldVisitor(secrets);
            for (OperationDefinition operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
                QueryTraverser.newQueryTraverser()
                        .schema(schema)
                        .document(parsed)
                        .operationName(operation.getName())
                        .variables(vars)
                        .build()
                        .visitPreOrder(visitor);
            }
        } catch (RuntimeException ex) {
            everyString(document, vars).stream().limit(MAX_FALLBACK_STRINGS).forEach(secrets::add);
        }
        return secrets;
    }

    /** Every field of the schema with an argument that is, or holds at any depth, an input marked secret. */
    static Set<String> secretFields(GraphQLSchema schema) {
        SecretFields known = secretFields;
        if (known != null && known.schema() == schema) {
            return known.names();
        }
        Set<String> names = new HashSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    if (field.getArguments().stream()
                            .anyMatch(argument -> argument.hasAppliedDirective(SECRET)
                                    || holdsSecret(argument.getType(), new HashSet<>()))) {
                        names.add(field.getName());
                    }
                }
            }
        }
        secretFields = new SecretFields(schema, Set.copyOf(names));
        return names;
    }

    private static boolean holdsSecret(GraphQLInputType type, Set<String> seen) {
        if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input && seen.add(input.getName())) {
            return input.getFieldDefinitions().stream()
                    .anyMatch(field -> field.hasAppliedDirective(SECRET) || holdsSecret(field.getType(), seen));
        }
        return false;
    }

    /** Collects the secret values of each field's arguments; gives up on a document that expands too far. */
    private static final class SecretFieldVisitor extends QueryVisitorStub {

        private final Set<String> secrets;
        private int visits;

        SecretFieldVisitor(Set<String> secrets) {
            this.secrets = secrets;
        }

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            count();
            if (env.getFieldDefinition() != null
                    && !env.getFieldDefinition().getArguments().isEmpty()) {
                InputValues.walk(
                        env.getFieldDefinition().getArguments(), env.getArguments(), (definition, path, text) -> {
                            if (definition.hasAppliedDirective(SECRET)) {
                                secrets.add(text);
                            }
                            return true;
                        });
            }
        }

        @Override
        public void visitFragmentSpread(QueryVisitorFragmentSpreadEnvironment env) {
            count();
        }

        @Override
        public void visitInlineFragment(QueryVisitorInlineFragmentEnvironment env) {
            count();
        }

        private void count() {
            if (++visits > MAX_VISITS) {
                throw new IllegalArgumentException("the document expands to more than " + MAX_VISITS + " selections");
            }
        }
    }

    private static List<String> everyString(String document, Map<String, Object> variables) {
        List<String> strings = new ArrayList<>();
        Matcher literal = STRING_LITERAL.matcher(document);
        while (literal.find()) {
            strings.add(literal.group(1));
        }
        collect(variables, strings);
        return strings;
    }

    /** Every string inside a decoded JSON value. */
    static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        collect(value, strings);
        return strings;
    }

    private static void collect(Object value, List<String> strings) {
        if (value instanceof String text) {
            strings.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, strings));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, strings));
        }
    }
}
