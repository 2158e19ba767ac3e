package com.m365console.security;

import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;

/** The GraphQL WebSocket endpoint with sockets that can be closed when their credential is taken back. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(
            WebGraphQlHandler handler,
            GraphQlProperties properties,
            GraphQlCorsProperties cors,
            ServerCodecConfigurer codecs,
            OpenSockets sockets) {
        return new RevocableGraphQlWebSocketHandler(
                handler,
                codecs,
                properties.getWebsocket().getConnectionInitTimeout(),
                properties.getWebsocket().getKeepAlive(),
                cors.toCorsConfiguration(),
                sockets);
    }
}
