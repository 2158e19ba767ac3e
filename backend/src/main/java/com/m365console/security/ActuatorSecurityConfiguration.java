package com.m365console.security;

import com.m365console.identity.ApiTokenService;
import com.m365console.identity.Role;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Actuator's endpoints, on the app's port or on {@code management.server.port}: health (and its liveness and
 * readiness groups) for load balancers without credentials, showing the status only; Prometheus and anything else
 * exposed only for an administrator (an ADMIN API token as Bearer, or an admin's session); every other path under
 * /actuator refused.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain actuatorSecurityWebFilterChain(
            ServerHttpSecurity http, ApiTokenService apiTokens, SecurityHeaders headers) {
        return http.securityMatcher(new OrServerWebExchangeMatcher(
                        EndpointRequest.toAnyEndpoint(),
                        ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**")))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .matchers(EndpointRequest.toAnyEndpoint().excluding(HealthEndpoint.class))
                        .hasRole(Role.ADMIN.name())
                        .anyExchange()
                        .denyAll())
                .addFilterAt(new ApiTokenAuthenticationFilter(apiTokens), SecurityWebFiltersOrder.AUTHENTICATION)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers::configure)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }
}
