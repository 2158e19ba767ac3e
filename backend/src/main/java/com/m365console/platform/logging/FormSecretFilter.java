package com.m365console.platform.logging;

import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The sign-in form's password is a secret too: remembered for masking before the sign-in handles it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class FormSecretFilter implements WebFilter {

    private static final Set<String> SECRET_FIELDS = Set.of("password");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        return exchange.getFormData().flatMap(form -> {
            SECRET_FIELDS.forEach(name -> SecretValues.remember(form.getOrDefault(name, List.of())));
            return chain.filter(exchange);
        });
    }
}
