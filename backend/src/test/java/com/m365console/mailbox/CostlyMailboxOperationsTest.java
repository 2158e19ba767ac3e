package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.platform.ratelimit.OperationRateLimits;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Fields that log in to the mail server are asked at most once per request, however they are spelled, and
 * each mailbox may ask them only so often: what an attacker scripting 250 aliased checks now gets.
 */
class CostlyMailboxOperationsTest extends Microsoft365TestBase {

    static final String CHECK_FIELDS = "{ imapOk smtpOk errors { field code message } }";

    @Autowired
    OperationRateLimits limits;

    Sessions.Browser jane;
    UUID mailboxId;

    @BeforeEach
    void connectJanesMailbox() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of());
    }

    @Test
    void aliasedCopiesAreRefusedBeforeAnyLogin() {
        int connections = imapLink.connections();

        var response = jane.graphQl()
                .document("mutation($i: MailboxIdInput!) { "
                        + "a: checkMailboxConnection(input: $i) " + CHECK_FIELDS + " "
                        + "b: checkMailboxConnection(input: $i) " + CHECK_FIELDS + " "
                        + "c: checkMailboxConnection(input: $i) " + CHECK_FIELDS + " }")
                .variable("i", Map.of("mailboxId", mailboxId.toString()))
                .execute();

        assertRefused(response, "checkMailboxConnection may be asked at most once per request");
        assertThat(imapLink.connections()).as("no IMAP login").isEqualTo(connections);
        assertThat(lastCheckAt()).as("the check never ran").isNull();
    }

    @Test
    void copiesInNamedAndInlineFragmentsAreCountedToo() {
        int connections = imapLink.connections();

        var response = jane.graphQl()
                .document("mutation($i: MailboxIdInput!, $s: SendEmailInput!) { "
                        + "...Check ... on Mutation { again: checkMailboxConnection(input: $i) { imapOk } } "
                        + "sendEmail(input: $s) { errors { code } } ...Send } "
                        + "fragment Check on Mutation { checkMailboxConnection(input: $i) { imapOk } } "
                        + "fragment Send on Mutation { second: sendEmail(input: $s) { errors { code } } }")
                .variable("i", Map.of("mailboxId", mailboxId.toString()))
                .variable(
                        "s",
                        Map.of(
                                "mailboxId",
                                mailboxId.toString(),
                                "to",
                                List.of("bob@example.com"),
                                "subject",
                                "Twice",
                                "text",
                                "Hello"))
                .execute();

        assertRefused(response, "checkMailboxConnection may be asked at most once per request");
        response.errors()
                .satisfy(errors -> assertThat(errors)
                        .extracting(ResponseError::getMessage)
                        .anyMatch(message -> message.startsWith("sendEmail may be asked at most once per request")));
        assertThat(imapLink.connections()).isEqualTo(connections);
        assertThat(mailServer.getReceivedMessages()).as("nothing sent").isEmpty();
    }

    @Test
    void onceIsFineAndIdenticalCopiesThatGraphQlMergesRunOnce() {
        int connections = imapLink.connections();

        jane.graphQl()
                .document("mutation($i: MailboxIdInput!) { checkMailboxConnection(input: $i) { imapOk } "
                        + "...on Mutation { checkMailboxConnection(input: $i) { smtpOk } } }")
                .variable("i", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("checkMailboxConnection.smtpOk")
                .entity(Boolean.class)
                .isEqualTo(true);

        assertThat(imapLink.connections() - connections).as("one IMAP login").isEqualTo(1);
    }

    @Test
    void onlyTheOperationThatRunsIsCounted() {
        jane.graphQl()
                .document("mutation Once($i: MailboxIdInput!) { checkMailboxConnection(input: $i) { imapOk } } "
                        + "mutation Twice($i: MailboxIdInput!) { a: checkMailboxConnection(input: $i) { imapOk } "
                        + "b: checkMailboxConnection(input: $i) { imapOk } }")
                .operationName("Once")
                .variable("i", Map.of("mailboxId", mailboxId.toString()))
                .execute()
                .path("checkMailboxConnection.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void aCopyLeftOutBySkipDoesNotCount() {
        jane.graphQl()
                .document("mutation($i: MailboxIdInput!, $twice: Boolean!) { "
                        + "a: checkMailboxConnection(input: $i) { imapOk } "
                        + "b: checkMailboxConnection(input: $i) @include(if: $twice) { imapOk } }")
                .variable("i", Map.of("mailboxId", mailboxId.toString()))
                .variable("twice", false)
                .execute()
                .path("a.imapOk")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void endedWindowsArePurged() {
        String ended = "ended:" + UUID.randomUUID();
        String current = "current:" + UUID.randomUUID();
        db.sql("insert into operation_rate_limit (subject, operation, window_start, calls) values "
                        + "(:ended, 'SYNC_MAILBOX', now() - interval '2 minutes', 3), "
                        + "(:current, 'SYNC_MAILBOX', now() - interval '10 seconds', 3)")
                .bind("ended", ended)
                .bind("current", current)
                .then()
                .block();

        limits.purgeEndedWindows().block(java.time.Duration.ofSeconds(10));

        assertThat(db.sql("select subject from operation_rate_limit where subject in (:ended, :current)")
                        .bind("ended", ended)
                        .bind("current", current)
                        .map(row -> row.get(0, String.class))
                        .all()
                        .collectList()
                        .block())
                .containsExactly(current);
    }

    @Test
    void checksBeyondTheLimitAreRateLimitedAndSayWhenToTryAgain() {
        for (int i = 0; i < 5; i++) {
            check().path("checkMailboxConnection.imapOk").entity(Boolean.class).isEqualTo(true);
        }
        int connections = imapLink.connections();

        check().path("checkMailboxConnection.errors[0].code")
                .entity(String.class)
                .isEqualTo("RATE_LIMITED")
                .path("checkMailboxConnection.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message)
                        .matches("Check connection was asked 5 times for this "
                                + "mailbox within a minute: try again in \\d+ seconds?\\."));

        assertThat(imapLink.connections()).as("no IMAP login once limited").isEqualTo(connections);
        assertThat(calls("CHECK_MAILBOX_CONNECTION"))
                .as("counted in PostgreSQL")
                .isEqualTo(6);
        db.sql("update operation_rate_limit set window_start = now() - interval '61 seconds' where subject = :id")
                .bind("id", mailboxId.toString())
                .then()
                .block();
        check().path("checkMailboxConnection.imapOk").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void eachMailboxHasItsOwnLimitAndRefusedInputIsNotCounted() {
        db.sql("insert into operation_rate_limit (subject, operation, window_start, calls) "
                        + "values (:id, 'SEND_EMAIL', now(), 30)")
                .bind("id", mailboxId.toString())
                .then()
                .block();

        jane.graphQl()
                .documentName("sendEmail")
                .variable(
                        "input",
                        Map.of(
                                "mailboxId",
                                mailboxId.toString(),
                                "to",
                                List.of("not-an-address"),
                                "subject",
                                "Hi",
                                "text",
                                "Hello"))
                .execute()
                .path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_FORMAT");
        send().path("sendEmail.errors[0].code")
                .entity(String.class)
                .isEqualTo("RATE_LIMITED")
                .path("sendEmail.sentMessage")
                .valueIsNull();
        check().path("checkMailboxConnection.imapOk").entity(Boolean.class).isEqualTo(true);

        assertThat(mailServer.getReceivedMessages()).isEmpty();
        assertThat(calls("SEND_EMAIL")).isEqualTo(31);
    }

    private void assertRefused(GraphQlTester.Response response, String message) {
        response.errors()
                .satisfy(errors -> assertThat(errors)
                        .isNotEmpty()
                        .allSatisfy(error -> {
                            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                            assertThat(error.getMessage()).contains("may be asked at most once per request");
                        })
                        .extracting(ResponseError::getMessage)
                        .anyMatch(text -> text.startsWith(message)));
        response.path("checkMailboxConnection").pathDoesNotExist();
    }

    private GraphQlTester.Response check() {
        return jane.graphQl()
                .documentName("checkMailboxConnection")
                .variable("input", Map.of("mailboxId", mailboxId.toString()))
                .execute();
    }

    private GraphQlTester.Response send() {
        return jane.graphQl()
                .documentName("sendEmail")
                .variable(
                        "input",
                        Map.of(
                                "mailboxId",
                                mailboxId.toString(),
                                "to",
                                List.of("bob@example.com"),
                                "subject",
                                "Limited",
                                "text",
                                "Hello"))
                .execute();
    }

    private Object lastCheckAt() {
        return db.sql("select last_check_at from mailbox where id = :id")
                .bind("id", mailboxId)
                .map(row -> java.util.Optional.ofNullable(row.get(0)))
                .one()
                .block()
                .orElse(null);
    }

    private long calls(String operation) {
        return db.sql("select calls from operation_rate_limit where subject = :id and operation = :operation")
                .bind("id", mailboxId.toString())
                .bind("operation", operation)
                .map(row -> row.get(0, Integer.class).longValue())
                .one()
                .block();
    }
}
