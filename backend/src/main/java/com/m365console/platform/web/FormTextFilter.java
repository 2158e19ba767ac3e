package com.m365console.platform.web;

import com.m365console.platform.graphql.TextCharacters;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses with 400 a form (the sign-in form) whose fields hold a character no text input may hold, before
 * the sign-in looks the user name up in the database (a NUL there was a 500). The form stays readable by
 * the filters after this one: the exchange keeps the parsed form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FormTextFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        return exchange.getFormData().flatMap(form -> {
            for (Map.Entry<String, List<String>> field : form.entrySet()) {
                for (String value : field.getValue()) {
                    OptionalInt forbidden = TextCharacters.firstForbidden(value, false);
                    if (forbidden.isPresent()) {
                        return JsonErrors.write(
                                exchange.getResponse(),
                                HttpStatus.BAD_REQUEST,
                                "The form field "
                                        + safeName(field.getKey()) + " contains a character that is not allowed ("
                                        + TextCharacters.describe(forbidden.getAsInt()) + ")");
                    }
                }
            }
            return chain.filter(exchange);
        });
    }

    private static String safeName(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,40}") ? name : "(unnamed)";
    }
}
