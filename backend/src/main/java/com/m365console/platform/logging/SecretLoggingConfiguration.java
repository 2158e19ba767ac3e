package com.m365console.platform.logging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link SecretNoticingDecoder} in place of Spring Boot's JSON decoder (after Boot's own customizer,
 * order 0), with the same mapper and body limit, so secrets in GraphQL requests are known before any log line.
 */
@Configuration(proxyBeanMethods = false)
class SecretLoggingConfiguration {

    @Bean
    @Order(1)
    CodecCustomizer secretNoticingJsonDecoder(
            JsonMapper mapper,
            ObjectProvider<GraphQlSource> graphQl,
            @Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize limit) {
        return configurer -> {
            JacksonJsonDecoder json = new JacksonJsonDecoder(mapper);
            json.setMaxInMemorySize(Math.toIntExact(limit.toBytes()));
            configurer
                    .defaultCodecs()
                    .jacksonJsonDecoder(new SecretNoticingDecoder(
                            json, () -> graphQl.getObject().schema()));
        };
    }
}
