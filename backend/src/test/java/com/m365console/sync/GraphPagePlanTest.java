package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.graph.GraphFlag;
import com.m365console.graph.GraphMessage;
import com.m365console.mail.Attachment;
import com.m365console.mail.FetchedMessage;
import com.m365console.mail.MailAddress;
import com.m365console.mail.MessageFlag;
import com.m365console.sync.GraphPagePlan.StoredRow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a delta page's messages map onto stored rows and into the store's shape, apart from the database. */
class GraphPagePlanTest {

    static GraphMessage message(String id, String messageId, boolean read, GraphFlag flag) {
        return new GraphMessage(
                id,
                "ck-" + id,
                messageId,
                "<parent@contoso.com>",
                null,
                "Subject " + id,
                new MailAddress("Dana Swope", "dana@contoso.com"),
                List.of(new MailAddress(null, "adele@contoso.com")),
                List.of(),
                OffsetDateTime.parse("2026-03-02T09:15:00Z"),
                OffsetDateTime.parse("2026-03-02T09:14:00Z"),
                read,
                flag,
                false,
                true,
                "<p>Hello</p>",
                "Hello",
                "conv",
                "inbox-id");
    }

    @Test
    void newMessagesTakeTheFoldersNextUidsInPageOrder() {
        GraphPagePlan plan = GraphPagePlan.of(
                List.of(
                        message("a", "<a@x>", false, GraphFlag.NOT_FLAGGED),
                        message("b", null, true, GraphFlag.FLAGGED)),
                List.of(),
                41);

        assertThat(plan.updates()).isEmpty();
        assertThat(plan.inserts()).extracting(GraphPagePlan.Insert::uid).containsExactly(42L, 43L);
        assertThat(plan.inserts()).extracting(i -> i.message().id()).containsExactly("a", "b");
        assertThat(plan.lastUid()).isEqualTo(43);
        assertThat(plan.graphIds()).containsExactly("a", "b");
    }

    @Test
    void aKnownGraphIdUpdatesItsRowEvenWhenAnImapRowHasTheSameMessageId() {
        UUID graphRow = UUID.randomUUID();
        UUID imapRow = UUID.randomUUID();
        GraphPagePlan plan = GraphPagePlan.of(
                List.of(message("a", "<same@x>", true, GraphFlag.NOT_FLAGGED)),
                List.of(
                        new StoredRow(imapRow, null, "<same@x>", Set.of()),
                        new StoredRow(graphRow, "a", "<same@x>", Set.of(MessageFlag.FLAGGED))),
                7);

        assertThat(plan.inserts()).isEmpty();
        assertThat(plan.updates()).containsExactly(new GraphPagePlan.Update(graphRow, "a", Set.of(MessageFlag.SEEN)));
        assertThat(plan.lastUid()).isEqualTo(7);
    }

    @Test
    void imapRowsAreAdoptedByMessageIdOnceEachAndKeepTheFlagsGraphDoesNotKnow() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        GraphPagePlan plan = GraphPagePlan.of(
                List.of(
                        message("a", "<dup@x>", true, GraphFlag.FLAGGED),
                        message("b", "<dup@x>", false, GraphFlag.COMPLETE),
                        message("c", "<dup@x>", false, GraphFlag.NOT_FLAGGED)),
                List.of(
                        new StoredRow(first, null, "<dup@x>", Set.of(MessageFlag.ANSWERED, MessageFlag.SEEN)),
                        new StoredRow(second, null, "<dup@x>", Set.of(MessageFlag.FLAGGED, MessageFlag.DRAFT))),
                10);

        assertThat(plan.updates())
                .containsExactly(
                        new GraphPagePlan.Update(
                                first, "a", Set.of(MessageFlag.ANSWERED, MessageFlag.SEEN, MessageFlag.FLAGGED)),
                        new GraphPagePlan.Update(second, "b", Set.of(MessageFlag.DRAFT)));
        assertThat(plan.inserts()).singleElement().satisfies(insert -> {
            assertThat(insert.message().id()).isEqualTo("c");
            assertThat(insert.uid()).isEqualTo(11);
        });
    }

    @Test
    void aMessageTwiceInOnePageCountsOnceAsItCameLast() {
        GraphPagePlan plan = GraphPagePlan.of(
                List.of(
                        message("a", "<a@x>", false, GraphFlag.NOT_FLAGGED),
                        message("b", "<b@x>", false, GraphFlag.NOT_FLAGGED),
                        message("a", "<a@x>", true, GraphFlag.NOT_FLAGGED)),
                List.of(),
                0);

        assertThat(plan.inserts()).extracting(i -> i.message().id()).containsExactly("b", "a");
        assertThat(plan.inserts().get(1).message().read()).isTrue();
        assertThat(plan.lastUid()).isEqualTo(2);
    }

    @Test
    void aGraphMessageBecomesARowWithItsBodyByContentTypeAndFlagsByReadAndFollowUp() {
        Attachment report = new Attachment("q1.xlsx", "application/vnd.ms-excel", 48_213, false);
        FetchedMessage html = GraphMessageRows.row(5, message("a", "<a@x>", true, GraphFlag.FLAGGED), List.of(report));

        assertThat(html.uid()).isEqualTo(5);
        assertThat(html.messageId()).isEqualTo("<a@x>");
        assertThat(html.inReplyTo()).isEqualTo("<parent@contoso.com>");
        assertThat(html.subject()).isEqualTo("Subject a");
        assertThat(html.from()).isEqualTo(new MailAddress("Dana Swope", "dana@contoso.com"));
        assertThat(html.to()).extracting(MailAddress::address).containsExactly("adele@contoso.com");
        assertThat(html.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:15:00Z"));
        assertThat(html.sentAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:14:00Z"));
        assertThat(html.htmlBody()).isEqualTo("<p>Hello</p>");
        assertThat(html.textBody()).isNull();
        assertThat(html.bodyTruncated()).isFalse();
        assertThat(html.flags()).containsExactlyInAnyOrder(MessageFlag.SEEN, MessageFlag.FLAGGED);
        assertThat(html.attachments()).containsExactly(report);

        GraphMessage plain = message("b", null, false, GraphFlag.COMPLETE);
        GraphMessage text = new GraphMessage(
                plain.id(),
                plain.changeKey(),
                null,
                null,
                null,
                plain.subject(),
                null,
                List.of(),
                List.of(),
                null,
                null,
                false,
                GraphFlag.COMPLETE,
                false,
                false,
                "Noon works",
                "Noon works",
                null,
                null);
        FetchedMessage row = GraphMessageRows.row(6, text, List.of());
        assertThat(row.textBody()).isEqualTo("Noon works");
        assertThat(row.htmlBody()).isNull();
        assertThat(row.flags()).as("a completed flag is no longer flagged").isEmpty();
    }
}
