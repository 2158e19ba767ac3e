package com.m365console.audit;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry points for System > Audit log; administrators only. */
@Controller
class AuditLogController {

    private final AuditLogService service;

    AuditLogController(AuditLogService service) {
        this.service = service;
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<AuditEventConnection> auditLog(
            @Argument AuditLogFilter filter, @Argument Integer first, @Argument String after) {
        return Mono.defer(() -> service.page(filter, first, after));
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<AuditLogCsvPayload> auditLogCsv(@Argument AuditLogFilter filter) {
        return Mono.defer(() -> service.csv(filter));
    }
}
