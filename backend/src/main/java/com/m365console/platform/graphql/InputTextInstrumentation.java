package com.m365console.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses, before any data fetcher runs, a text argument holding a character {@link TextCharacters} forbids:
 * a BAD_REQUEST error naming the argument path, with code INVALID_CHARACTERS. Only arguments and input
 * fields marked {@code @multiline} in the schema may hold tab, line feed and carriage return.
 */
@Component
class InputTextInstrumentation extends SimplePerformantInstrumentation {

    static final String MULTILINE = "multiline";

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (parameters.getField().getArguments().isEmpty()) {
            return dataFetcher;
        }
        return env -> {
            GraphQLError error = check(env);
            return error == null
                    ? dataFetcher.get(env)
                    : DataFetcherResult.newResult().error(error).build();
        };
    }

    private static GraphQLError check(DataFetchingEnvironment env) {
        AtomicReference<GraphQLError> error = new AtomicReference<>();
        InputValues.walk(env.getFieldDefinition().getArguments(), env.getArguments(), (definition, path, text) -> {
            OptionalInt forbidden = TextCharacters.firstForbidden(text, definition.hasAppliedDirective(MULTILINE));
            forbidden.ifPresent(cp -> error.set(GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(path + " contains a character that is not allowed here (" + TextCharacters.describe(cp)
                            + "); remove control characters")
                    .extensions(Map.of("code", UserErrorCode.INVALID_CHARACTERS.name(), "field", path))
                    .build()));
            return forbidden.isEmpty();
        });
        return error.get();
    }
}
