package com.m365console.audit;

import static com.m365console.audit.AuditLogReader.actorName;
import static com.m365console.audit.AuditLogReader.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as an admin searches it: by actor, kind and dates, page by page with every event exactly once,
 * exported as CSV a spreadsheet opens safely; and no statement changes or deletes a stored event.
 */
@IntegrationTest
class AuditLogQueryTest {

    private static final OffsetDateTime DAY = OffsetDateTime.of(2030, 3, 14, 0, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    @Autowired
    AuditEvents audit;

    @Autowired
    JsonMapper json;

    HttpGraphQlTester alice;
    UUID aliceId;
    UUID carolId;

    @BeforeEach
    void accounts() {
        accounts.reset();
        aliceId = accounts.create("alice", "ADMIN");
        carolId = accounts.create("carol", "ADMIN");
        alice = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    void filtersByActorKindAndDates() {
        seed(DAY.plusHours(9), "USER_CREATED", carolId, "carol", Map.of("userId", "u1", "username", "dave"));
        seed(
                DAY.plusHours(10),
                "USER_ROLE_CHANGED",
                carolId,
                "carol",
                Map.of("userId", "u1", "username", "dave", "from", "USER", "to", "ADMIN"));
        seed(DAY.plusHours(11), "USER_DISABLED", aliceId, "alice", Map.of("userId", "u1", "username", "dave"));
        seed(
                DAY.plusDays(1).plusHours(8),
                "USER_DELETED",
                aliceId,
                "alice",
                Map.of("userId", "u1", "username", "dave"));
        seed(
                DAY.plusDays(1).plusHours(9),
                "SIGN_IN_LOCKED",
                null,
                "Car_ol%",
                Map.of("scope", "ACCOUNT", "failures", 5));

        assertThat(summaries(Map.of("actor", "CAR")))
                .containsExactly(
                        "Sign-in for this account name locked after 5 failed attempts",
                        "Changed the role of dave from USER to ADMIN",
                        "Created the user dave");
        assertThat(summaries(Map.of("actor", "_ol%")))
                .containsExactly("Sign-in for this account name locked after 5 failed attempts");
        assertThat(summaries(Map.of("actor", carolId.toString()))).hasSize(2);
        assertThat(summaries(Map.of("kinds", List.of("USER_DISABLED", "USER_DELETED"))))
                .containsExactly("Deleted the user dave", "Disabled the user dave");
        assertThat(summaries(Map.of(
                        "from",
                        DAY.plusHours(10).toString(),
                        "to",
                        DAY.plusDays(1).toString())))
                .containsExactly("Disabled the user dave", "Changed the role of dave from USER to ADMIN");
        assertThat(summaries(Map.of(
                        "actor", "alice",
                        "kinds", List.of("USER_DELETED", "USER_CREATED"),
                        "from", DAY.toString())))
                .containsExactly("Deleted the user dave");
    }

    @Test
    void badFiltersAndCursorsAreBadRequests() {
        badRequest(Map.of("from", DAY.toString(), "to", DAY.toString()), 10, null, "filter.from must be before");
        badRequest(Map.of(), 0, null, "first must be between 1 and 200");
        badRequest(Map.of(), 201, null, "first must be between 1 and 200");
        badRequest(Map.of(), 10, "bm90LWEtY3Vyc29y", "after is not a cursor");
        badRequest(Map.of("actor", "x".repeat(257)), 10, null, "filter.actor must be at most 256");
    }

    @Test
    void pagingGivesEveryEventExactlyOnceEvenAtTheSameMoment() {
        List<Long> seeded = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Runs of events at one instant, and instants a microsecond apart, across page boundaries
            OffsetDateTime at = DAY.plusNanos((i / 3) * 1_000L);
            seeded.add(seed(at, "USER_ENABLED", aliceId, "alice", Map.of("username", "u" + i)));
        }
        List<Long> expected = db.sql("select id from audit_event order by occurred_at desc, id desc")
                .map(row -> row.get(0, Long.class))
                .all()
                .collectList()
                .block();
        assertThat(expected).containsExactlyInAnyOrderElementsOf(seeded);

        for (int pageSize : List.of(1, 4, 5, 50)) {
            List<Long> paged = events(alice, Map.of(), pageSize).stream()
                    .map(event -> Long.valueOf((String) event.get("id")))
                    .toList();
            assertThat(paged).as("pages of %d", pageSize).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void csvIsQuotedAndDefusesFormulas() {
        record(
                AuditEvent.SIGN_IN_LOCKED,
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                Map.of("scope", "ACCOUNT", "failures", 5));
        record(AuditEvent.SIGN_IN_LOCKED, "+cmd|' /C calc'!A0", Map.of("scope", "ACCOUNT", "failures", 5));
        record(AuditEvent.SIGN_IN_LOCKED, "-2+3", Map.of("scope", "ACCOUNT", "failures", 5));
        record(AuditEvent.SIGN_IN_LOCKED, "@SUM(1,2)", Map.of("scope", "ACCOUNT", "failures", 5));
        record("USER_CREATED", "alice", Map.of("username", "o'neil, \"the\" user\nsecond line"));

        var payload = alice.documentName("auditLogCsv").execute();
        payload.path("auditLogCsv.errors").entityList(Object.class).hasSize(0);
        payload.path("auditLogCsv.rowCount").entity(Integer.class).isEqualTo(5);
        String csv = payload.path("auditLogCsv.csv").entity(String.class).get();

        assertThat(csv).startsWith("Occurred at,Kind,Actor,Actor id,Client address,Summary,Details\r\n");
        List<List<String>> rows = Csv.parse(csv);
        assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row).hasSize(7));
        assertThat(rows.subList(1, 6))
                .extracting(row -> row.get(2))
                .containsExactly(
                        "alice",
                        "'@SUM(1,2)",
                        "'-2+3",
                        "'+cmd|' /C calc'!A0",
                        "'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(rows.get(1).get(5)).isEqualTo("Created the user o'neil, \"the\" user\nsecond line");
        assertThat(rows.get(1).get(6)).isEqualTo("username=o'neil, \"the\" user\nsecond line");
        assertThat(rows.get(1).get(1)).isEqualTo("USER_CREATED");
        assertThat(rows.get(1).get(3)).isEqualTo(aliceId.toString());
        assertThat(rows.subList(1, 6)).allSatisfy(row -> assertThat(row.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT.*"));
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    }

    @Test
    void anExportOfMoreThan10000EventsIsRefused() {
        db.sql("""
                insert into audit_event (occurred_at, action, actor_name, details)
                select now() - make_interval(secs => n), 'USER_ENABLED', 'alice', '{}' from generate_series(1, 10001) n""").then().block();

        var refused = alice.documentName("auditLogCsv").execute();
        refused.path("auditLogCsv.csv").valueIsNull();
        refused.path("auditLogCsv.errors[0].code").entity(String.class).isEqualTo("PRECONDITION_FAILED");
        refused.path("auditLogCsv.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("10,000"));
        alice.documentName("auditLogCsv")
                .variable(
                        "filter",
                        Map.of("from", OffsetDateTime.now().minusSeconds(100).toString()))
                .execute()
                .path("auditLogCsv.rowCount")
                .entity(Integer.class)
                .satisfies(count -> assertThat(count).isBetween(98, 100));
    }

    @Test
    void storedEventsCanBeNeitherChangedNorDeleted() {
        long id = seed(DAY, "USER_DELETED", aliceId, "alice", Map.of("username", "dave"));

        assertThatThrownBy(() -> db.sql("update audit_event set actor_name = 'mallory' where id = :id")
                        .bind("id", id)
                        .then()
                        .block())
                .hasMessageContaining("audit_event is append-only: UPDATE refused");
        assertThatThrownBy(() -> db.sql("delete from audit_event").then().block())
                .hasMessageContaining("audit_event is append-only: DELETE refused");
        assertThat(events(alice, Map.of()))
                .singleElement()
                .satisfies(event -> assertThat(actorName(event)).isEqualTo("alice"));
    }

    private List<Object> summaries(Map<String, Object> filter) {
        return events(alice, filter).stream().map(event -> event.get("summary")).toList();
    }

    private void badRequest(Map<String, Object> filter, int first, String after, String message) {
        alice.documentName("auditLog")
                .variable("filter", filter)
                .variable("first", first)
                .variable("after", after)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(String.valueOf(error.getErrorType())).isEqualTo("BAD_REQUEST");
                    assertThat(error.getMessage()).contains(message);
                }));
    }

    private void record(String action, String actorName, Map<String, Object> details) {
        UUID actorId = "alice".equals(actorName) ? aliceId : null;
        audit.record(new AuditEvent(action, actorId, actorName, "192.0.2.7", new LinkedHashMap<>(details)))
                .block();
    }

    private long seed(OffsetDateTime at, String action, UUID actorId, String actorName, Map<String, Object> details) {
        var insert = db.sql("""
                insert into audit_event (occurred_at, action, actor_id, actor_name, details)
                values (:at, :action, :actorId, :actorName, cast(:details as jsonb)) returning id""")
                .bind("at", at)
                .bind("action", action)
                .bind("actorName", actorName)
                .bind("details", json.writeValueAsString(details));
        insert = actorId == null ? insert.bindNull("actorId", UUID.class) : insert.bind("actorId", actorId);
        return insert.map(row -> row.get(0, Long.class)).one().block();
    }
}
