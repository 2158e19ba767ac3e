package com.m365console.audit;

import com.m365console.platform.graphql.InvalidArgumentException;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log for administrators: a checked filter, pages by cursor, and a bounded CSV export. */
@Service
class AuditLogService {

    static final int MAX_PAGE = 200;
    static final int MAX_EXPORT = 10_000;
    private static final int LONGEST_ACTOR = 256;
    /** Details in the order a person reads them (what, then which, then how); others follow by name. */
    private static final List<String> READING_ORDER = List.of(
            "setting",
            "change",
            "oldValue",
            "newValue",
            "username",
            "userId",
            "from",
            "to",
            "address",
            "kind",
            "owner",
            "mailboxId",
            "mailDeleted",
            "name",
            "tokenId",
            "expiresAt",
            "scope",
            "failures",
            "lockedUntil",
            "sessionsEnded");

    private final AuditLogRepository repository;
    private final JsonMapper json;

    AuditLogService(AuditLogRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    Mono<AuditEventConnection> page(AuditLogFilter filter, Integer first, String after) {
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_PAGE) {
            return Mono.error(new InvalidArgumentException("first must be between 1 and " + MAX_PAGE));
        }
        AuditLogFilter checked = check(filter);
        AuditCursor cursor = after == null ? null : AuditCursor.decode(after);
        return repository
                .find(checked, cursor, limit + 1)
                .map(this::entry)
                .collectList()
                .map(entries -> {
                    List<AuditEventConnection.Edge> edges = new ArrayList<>();
                    for (AuditEntry entry : entries.subList(0, Math.min(limit, entries.size()))) {
                        edges.add(new AuditEventConnection.Edge(
                                new AuditCursor(entry.occurredAt(), entry.id()).encode(), entry));
                    }
                    String end =
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
                    return new AuditEventConnection(
                            edges, new AuditEventConnection.PageInfo(entries.size() > limit, end));
                });
    }

    Mono<AuditLogCsvPayload> csv(AuditLogFilter filter) {
        AuditLogFilter checked = check(filter);
        return repository.count(checked, MAX_EXPORT + 1).flatMap(count -> {
            if (count > MAX_EXPORT) {
                return Mono.just(AuditLogCsvPayload.refused(new UserError(
                        null,
                        UserErrorCode.PRECONDITION_FAILED,
                        "More than " + String.format("%,d", MAX_EXPORT)
                                + " events match, more than one export holds: narrow the dates, kinds or actor.")));
            }
            return repository
                    .find(checked, null, MAX_EXPORT)
                    .map(this::entry)
                    .collectList()
                    .map(entries -> new AuditLogCsvPayload(AuditCsv.of(entries), entries.size(), List.of()));
        });
    }

    /** The account id an actor filter names, or null when it is (part of) a name. */
    static UUID asUuid(String actor) {
        if (actor == null || !actor.trim().matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return UUID.fromString(actor.trim());
    }

    private static AuditLogFilter check(AuditLogFilter filter) {
        if (filter == null) {
            return AuditLogFilter.EVERYTHING;
        }
        if (filter.actor() != null && filter.actor().length() > LONGEST_ACTOR) {
            throw new InvalidArgumentException("filter.actor must be at most " + LONGEST_ACTOR + " characters");
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidArgumentException("filter.from must be before filter.to");
        }
        return filter;
    }

    private AuditEntry entry(AuditLogRepository.StoredEvent row) {
        Map<String, Object> details = row.details() == null
                ? Map.of()
                : json.readValue(row.details(), new TypeReference<LinkedHashMap<String, Object>>() {});
        List<AuditEntry.Detail> shown = new ArrayList<>();
        details.forEach((name, value) -> shown.add(new AuditEntry.Detail(name, text(value))));
        shown.sort(Comparator.comparingInt((AuditEntry.Detail detail) -> readingRank(detail.name()))
                .thenComparing(AuditEntry.Detail::name));
        return new AuditEntry(
                row.id(),
                row.occurredAt(),
                row.action(),
                new AuditEntry.Actor(row.actorId(), row.actorName()),
                row.clientAddress(),
                AuditSummaries.of(row.action(), details),
                shown);
    }

    private static int readingRank(String name) {
        int rank = READING_ORDER.indexOf(name);
        return rank < 0 ? READING_ORDER.size() : rank;
    }

    private String text(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value == null ? null : value.toString();
        }
        return json.writeValueAsString(value);
    }
}
