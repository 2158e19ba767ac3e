package com.m365console.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

/** Makes the current exchange (its session) reachable from GraphQL data fetchers through the Reactor context. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    ServerWebExchangeContextFilter serverWebExchangeContextFilter() {
        return new ServerWebExchangeContextFilter();
    }
}
