package com.m365console.identity;

import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import reactor.core.publisher.Mono;

/**
 * Writes an administrator's action on an account to the audit trail: who acted (id and name), from which client
 * address (the request's; none over a WebSocket), and the target account's id and name plus the action's details.
 */
@Component
class UserAudit {

    private final AuditEvents events;
    private final UserAccountRepository users;

    UserAudit(AuditEvents events, UserAccountRepository users) {
        this.events = events;
        this.users = users;
    }

    Mono<Void> record(String action, UUID actorId, UserAccount target, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("userId", target.id().toString());
        details.put("username", target.username());
        details.putAll(more);
        return Mono.zip(actorName(actorId), clientAddress())
                .flatMap(found -> events.record(new AuditEvent(
                        action,
                        actorId,
                        found.getT1().orElse(null),
                        found.getT2().orElse(null),
                        details)));
    }

    Mono<Void> record(String action, UUID actorId, UserAccount target) {
        return record(action, actorId, target, Map.of());
    }

    private Mono<Optional<String>> actorName(UUID actorId) {
        return users.findById(actorId)
                .map(actor -> Optional.of(actor.username()))
                .defaultIfEmpty(Optional.empty());
    }

    /** The address the request came from, as the connection (or a trusted forwarded header) gives it. */
    private static Mono<Optional<String>> clientAddress() {
        return Mono.deferContextual(context -> Mono.just(ServerWebExchangeContextFilter.getExchange(context)
                .map(exchange -> exchange.getRequest().getRemoteAddress())
                .map(UserAudit::host)));
    }

    private static String host(InetSocketAddress remote) {
        return remote.getAddress() == null
                ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }
}
