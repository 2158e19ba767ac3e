package com.m365console.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

/**
 * Turns our own argument errors into BAD_REQUEST, and a request the client cancelled (it went away) into a
 * quiet error rather than an ERROR log line; anything unexpected stays a message-less INTERNAL_ERROR.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlErrorsConfiguration {

    /** The same for errors a subscription's stream ends with. */
    @Bean
    SubscriptionExceptionResolver invalidSubscriptionArgumentResolver() {
        return new SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex) {
                return ex instanceof InvalidArgumentException
                        ? GraphqlErrorBuilder.newError()
                                .errorType(ErrorType.BAD_REQUEST)
                                .message(ex.getMessage())
                                .build()
                        : null;
            }
        };
    }

    @Bean
    DataFetcherExceptionResolver invalidArgumentResolver() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof AbortExecutionException) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.BAD_REQUEST)
                            .message("The request was cancelled")
                            .build();
                }
                if (ex instanceof InvalidArgumentException) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.BAD_REQUEST)
                            .message(ex.getMessage())
                            .build();
                }
                return null;
            }
        };
    }
}
