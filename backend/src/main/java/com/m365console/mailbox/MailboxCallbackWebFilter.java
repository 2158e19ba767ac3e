package com.m365console.mailbox;

import com.m365console.settings.RedirectUris;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes Microsoft's redirects to the shared Redirect URI that answer a mailbox connection (their state is a
 * pending connection of this session) and leaves every other one to the sign-in flow. The exchange goes into the
 * Reactor context, whatever the filters' order, so the connection's audit row has the client's address.
 */
@Component
public class MailboxCallbackWebFilter implements WebFilter {

    private final MailboxConnections connections;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    MailboxCallbackWebFilter(MailboxConnections connections) {
        this.connections = connections;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String state = request.getQueryParams().getFirst("state");
        if (request.getMethod() != HttpMethod.GET
                || state == null
                || !RedirectUris.MICROSOFT_CALLBACK_PATH.equals(
                        request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return exchange.getSession()
                .flatMap(session -> {
                    var all = (Map<String, PendingMailboxConnection>)
                            session.getAttributes().get(MailboxConnections.PENDING);
                    PendingMailboxConnection pending = all == null ? null : all.remove(state);
                    if (pending == null) {
                        return chain.filter(exchange);
                    }
                    return connections
                            .complete(pending, request.getQueryParams().toSingleValueMap(), session)
                            .flatMap(target -> redirect.sendRedirect(exchange, URI.create(target)));
                })
                .contextWrite(
                        context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange));
    }
}
