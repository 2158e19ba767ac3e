package com.m365console.identity;

import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes an administrator's action on an account to the audit trail: the target account's id and name plus the
 * action's details. {@link AuditEvents} adds who acted (the name as stored) and the request's client address.
 */
@Component
class UserAudit {

    private final AuditEvents events;

    UserAudit(AuditEvents events) {
        this.events = events;
    }

    Mono<Void> record(String action, UUID actorId, UserAccount target, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("userId", target.id().toString());
        details.put("username", target.username());
        details.putAll(more);
        return events.record(AuditEvent.by(action, actorId, details));
    }

    Mono<Void> record(String action, UUID actorId, UserAccount target) {
        return record(action, actorId, target, Map.of());
    }
}
