package com.m365console.platform.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLFieldDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses, before anything runs, an operation that asks a field marked {@code @oncePerRequest} in the schema
 * (one that logs in to a mail server or calls Microsoft) more than once, however the copies are spelled: aliases,
 * named or inline fragments. Fields are counted after GraphQL's own merging, so identical copies that run once
 * count once, and fields left out by {@code @skip}/{@code @include} do not count.
 */
@Component
class OncePerRequestInstrumentation extends SimplePerformantInstrumentation {

    static final String DIRECTIVE = "oncePerRequest";

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Map<String, Integer> counts = new LinkedHashMap<>();
        count(execution.getNormalizedQueryTree().get().getTopLevelFields(), execution, counts);
        List<GraphQLError> errors = new ArrayList<>();
        counts.forEach((field, times) -> {
            if (times > 1) {
                errors.add(GraphqlErrorBuilder.newError()
                        .errorType(ErrorType.BAD_REQUEST)
                        .message(field + " may be asked at most once per request (this request asks it " + times
                                + " times)")
                        .build());
            }
        });
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static void count(
            List<ExecutableNormalizedField> fields, ExecutionContext execution, Map<String, Integer> counts) {
        for (ExecutableNormalizedField field : fields) {
            boolean costly = field.getFieldDefinitions(execution.getGraphQLSchema()).stream()
                    .anyMatch(OncePerRequestInstrumentation::marked);
            if (costly) {
                counts.merge(field.getName(), 1, Integer::sum);
            }
            count(field.getChildren(), execution, counts);
        }
    }

    private static boolean marked(GraphQLFieldDefinition definition) {
        return definition.hasAppliedDirective(DIRECTIVE);
    }
}
