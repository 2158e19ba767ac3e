package com.m365console.audit;

import static com.m365console.audit.AuditLogReader.actorName;
import static com.m365console.audit.AuditLogReader.details;
import static com.m365console.audit.AuditLogReader.events;
import static com.m365console.audit.AuditLogReader.storedRows;
import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mailboxes connected, reconnected and disconnected through the real consent and callback appear in the audit
 * log with who did it and which mailbox; the registration's client secret and the tokens appear nowhere in it.
 */
class AuditedMailboxesTest extends Microsoft365TestBase {

    Sessions.Browser jane;

    @BeforeEach
    void configure() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
    }

    @Test
    void connectReconnectAndDisconnectAreAudited() {
        UUID mailboxId = connect(jane, JANE, Map.of());
        connect(jane, JANE, Map.of("mailboxId", mailboxId.toString()));
        jane.graphQl()
                .documentName("disconnectMailbox")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "deleteMail", true))
                .execute()
                .path("disconnectMailbox.mailbox.state")
                .entity(String.class)
                .isEqualTo("DISCONNECTED");

        var alice = sessions.graphQl("alice", TestAccounts.PASSWORD);
        List<Map<String, Object>> events = events(
                alice, Map.of("kinds", List.of("MAILBOX_CONNECTED", "MAILBOX_RECONNECTED", "MAILBOX_DISCONNECTED")));
        assertThat(events)
                .extracting(event -> event.get("summary"))
                .containsExactly(
                        "Disconnected the mailbox " + JANE + " and deleted its mail",
                        "Reconnected the mailbox " + JANE,
                        "Connected the mailbox " + JANE);
        assertThat(events).allSatisfy(event -> {
            assertThat(actorName(event)).isEqualTo("jane");
            assertThat(event.get("clientAddress")).isEqualTo("127.0.0.1");
            assertThat(details(event))
                    .containsEntry("mailboxId", mailboxId.toString())
                    .containsEntry("address", JANE)
                    .containsEntry("kind", "PERSONAL");
        });
        assertThat(details(events.get(0))).containsEntry("mailDeleted", "true");

        assertThat(events(alice, Map.of("kinds", List.of("SETTING_CHANGED"))))
                .extracting(event -> event.get("summary"))
                .contains("Client Secret: secret replaced");
        String stored = storedRows(db);
        assertThat(stored).doesNotContain(SECRET);
        microsoft.validAccessTokens().forEach(token -> assertThat(stored).doesNotContain(token));
    }
}
