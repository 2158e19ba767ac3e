package com.m365console.platform.graphql;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the extended scalars the schema declares (DateTime, limited to years PostgreSQL stores; UUID, Url). */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

    @Bean
    RuntimeWiringConfigurer extendedScalars() {
        return wiring -> wiring.scalar(BoundedDateTime.SCALAR)
                .scalar(ExtendedScalars.UUID)
                .scalar(ExtendedScalars.Url);
    }
}
