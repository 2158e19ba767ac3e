package com.m365console.platform.logging;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Output fields the schema marks {@code @secret} (a new API token): their value is remembered for masking as
 * soon as it is fetched, before the response can be logged (the JSON encoder prints it at TRACE).
 */
@Component
class SecretOutputInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (!parameters.getField().hasAppliedDirective(SecretInputs.SECRET)) {
            return dataFetcher;
        }
        return env -> {
            Object value = dataFetcher.get(env);
            if (value instanceof String secret) {
                SecretValues.remember(List.of(secret));
            }
            return value;
        };
    }
}
