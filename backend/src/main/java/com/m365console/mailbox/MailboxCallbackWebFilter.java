package com.m365console.mailbox;

import com.m365console.settings.RedirectUris;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.web.server.WebSessionOAuth2ServerAuthorizationRequestRepository;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Takes Microsoft's redirects to the shared Redirect URI that answer a mailbox connection (their state is a
 * pending connection of this session) and leaves every other one to the sign-in flow. The exchange goes into the
 * Reactor context, whatever the filters' order, so the connection's audit row has the client's address.
 */
@Component
public class MailboxCallbackWebFilter implements WebFilter {

    /** Where Spring Security keeps a Microsoft sign-in under way (WebSessionOAuth2ServerAuthorizationRequestRepository). */
    private static final String SIGN_IN_REQUEST =
            WebSessionOAuth2ServerAuthorizationRequestRepository.class.getName() + ".AUTHORIZATION_REQUEST";

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
                    if (pending != null) {
                        return connections
                                .complete(pending, request.getQueryParams().toSingleValueMap(), session)
                                .flatMap(target -> redirect.sendRedirect(exchange, URI.create(target)));
                    }
                    if (signedInWithoutMicrosoftSignIn(session)) {
                        return redirect.sendRedirect(exchange, URI.create(connections.unmatched(session)));
                    }
                    return chain.filter(exchange);
                })
                .contextWrite(
                        context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange));
    }

    /**
     * A signed-in browser that started no Microsoft sign-in came back from a mailbox connection (replayed, expired,
     * from another browser): its answer belongs on the Mailboxes page, where a signed-in person is.
     */
    private static boolean signedInWithoutMicrosoftSignIn(WebSession session) {
        return session.getAttributes()
                        .containsKey(
                                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME)
                && !session.getAttributes().containsKey(SIGN_IN_REQUEST);
    }
}
