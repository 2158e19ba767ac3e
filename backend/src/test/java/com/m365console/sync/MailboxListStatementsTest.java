package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The admin overview lists every mailbox with its health: for 1,000 mailboxes that is three SQL statements (the
 * mailboxes, their health, the Email Synchronization settings) besides the session lookup, not one per mailbox and
 * field. Background work is pushed out of the way so that only the request's statements are counted.
 */
@IntegrationTest
@Import(MailboxListStatementsTest.CountingDatabase.class)
@TestPropertySource(
        properties = {
            "m365.sync.schedule-check-interval=PT1H",
            "m365.sync.push.check-interval=PT1H",
            "m365.mailbox.refresh-check-interval=PT1H"
        })
class MailboxListStatementsTest {

    private static final int MAILBOXES = 1000;

    /** Every statement the app sends to PostgreSQL, as text, in order. */
    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingDatabase {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof ConnectionFactory factory) || bean instanceof ProxyConnectionFactory) {
                        return bean;
                    }
                    return ProxyConnectionFactory.builder(factory)
                            .listener(new ProxyExecutionListener() {
                                @Override
                                public void beforeQuery(QueryExecutionInfo execution) {
                                    execution.getQueries().forEach(query -> STATEMENTS.add(query.getQuery()));
                                }
                            })
                            .build();
                }
            };
        }
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    HttpGraphQlTester alice;

    @BeforeEach
    void thousandMailboxes() {
        accounts.reset();
        accounts.create("alice", "ADMIN");
        Sessions.Browser browser = sessions.signIn("alice", TestAccounts.PASSWORD);
        alice = HttpGraphQlTester.create(browser.client()
                .mutate()
                .baseUrl(sessions.baseUrl() + "/graphql")
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build());
        alice.document("mutation { updateEmailSyncSettings(input: {enabled: true}) { errors { message } } }")
                .execute()
                .path("updateEmailSyncSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
        db.sql("""
                insert into mailbox (kind, address, state)
                select 'SYSTEM', 'box' || n || '@contoso.com', 'CONNECTED' from generate_series(1, :count) n""").bind("count", MAILBOXES).then().block();
        db.sql("""
                insert into mailbox_sync (mailbox_id, last_started_at, last_finished_at, last_state, new_messages,
                    last_failure_state, last_failure_reason, last_failed_at)
                select id, now() - interval '2 seconds', now(), 'SUCCEEDED', 7,
                    case when address like 'box1%' then 'FAILED' end, 'The mail server closed the connection.',
                    case when address like 'box1%' then now() - interval '1 hour' end
                from mailbox""").then().block();
        db.sql("""
                insert into sync_lease (mailbox_id, purpose, holder, expires_at)
                select id, 'PUSH', 'instance-a', now() + interval '1 hour' from mailbox where address like 'box2%'""").then().block();
        db.sql("""
                insert into mailbox_push (mailbox_id, holder, state, since)
                select id, 'instance-a', 'WATCHING', now() from mailbox where address like 'box2%'""").then().block();
    }

    /** One mailbox of the answer, as far as this test reads it. */
    record Listed(
            String address,
            Map<String, Object> lastSync,
            Map<String, Object> lastFailure,
            boolean pushing,
            Map<String, Object> push) {}

    @Test
    void aThousandMailboxesWithTheirHealthTakeThreeStatements() {
        STATEMENTS.clear();
        List<Listed> listed = alice.documentName("mailboxHealthList")
                .execute()
                .path("allMailboxes")
                .entityList(Listed.class)
                .get();
        List<String> requestStatements =
                STATEMENTS.stream().filter(sql -> !sql.contains("web_session")).toList();

        assertThat(listed).hasSize(MAILBOXES);
        assertThat(listed).allSatisfy(mailbox -> assertThat(mailbox.lastSync()).containsEntry("newMessages", 7));
        assertThat(listed)
                .filteredOn(mailbox -> mailbox.address().startsWith("box1"))
                .hasSize(112)
                .allSatisfy(mailbox -> assertThat(mailbox.lastFailure())
                        .containsEntry("state", "FAILED")
                        .containsEntry("reason", "The mail server closed the connection."));
        assertThat(listed)
                .filteredOn(mailbox -> mailbox.address().startsWith("box2"))
                .hasSize(111)
                .allSatisfy(mailbox -> {
                    assertThat(mailbox.pushing()).isTrue();
                    assertThat(mailbox.push()).containsEntry("state", "WATCHING");
                });
        assertThat(listed)
                .filteredOn(mailbox -> mailbox.address().startsWith("box3"))
                .allSatisfy(mailbox -> {
                    assertThat(mailbox.pushing()).isFalse();
                    assertThat(mailbox.push()).containsEntry("state", "OFF");
                    assertThat(mailbox.lastFailure()).isNull();
                });
        assertThat(requestStatements).as("statements of the request").hasSizeLessThanOrEqualTo(3);
    }
}
