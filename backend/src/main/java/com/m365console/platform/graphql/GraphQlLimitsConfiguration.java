package com.m365console.platform.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refuses queries deeper or costlier than any screen of the SPA needs, before they run; parses each text once. */
@Configuration(proxyBeanMethods = false)
class GraphQlLimitsConfiguration {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${m365.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(@Value("${m365.graphql.max-complexity:500}") int max) {
        return new MaxQueryComplexityInstrumentation(max);
    }
}
