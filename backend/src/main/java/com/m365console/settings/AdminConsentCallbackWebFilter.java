package com.m365console.settings;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Takes Microsoft's answer to the admin-consent link (it comes to the shared Redirect URI with the consent state)
 * and sends the browser to Microsoft Settings, saying whether consent was granted; the sign-in flow would refuse
 * it as a sign-in nobody started. It runs before Spring Security's filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminConsentCallbackWebFilter implements WebFilter {

    static final String SETTINGS_PAGE = "/system/config/integrations/microsoft";

    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        var params = request.getQueryParams();
        if (request.getMethod() != HttpMethod.GET
                || !AdminConsent.STATE.equals(params.getFirst("state"))
                || !RedirectUris.MICROSOFT_CALLBACK_PATH.equals(
                        request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        var target = UriComponentsBuilder.fromPath(SETTINGS_PAGE);
        if ("True".equalsIgnoreCase(params.getFirst("admin_consent")) && params.getFirst("error") == null) {
            target.queryParam("adminConsent", "granted");
        } else {
            target.queryParam("adminConsent", "refused");
            String description = params.getFirst("error_description");
            Matcher code = AADSTS.matcher(description == null ? "" : description);
            if (code.find()) {
                target.queryParam("aadsts", code.group());
            }
        }
        return redirect.sendRedirect(exchange, URI.create(target.build().toUriString()));
    }
}
