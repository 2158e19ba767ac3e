package com.m365console.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/** Turns our own argument errors into BAD_REQUEST; anything unexpected stays a message-less INTERNAL_ERROR. */
@Configuration(proxyBeanMethods = false)
class GraphQlErrorsConfiguration {

    @Bean
    DataFetcherExceptionResolver invalidArgumentResolver() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof InvalidArgumentException) {
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                            .message(ex.getMessage()).build();
                }
                return null;
            }
        };
    }
}
