package com.m365console.sync;

import com.m365console.graph.DeltaCheckpoint;
import com.m365console.graph.DeltaPage;
import com.m365console.graph.GraphMessage;
import com.m365console.mail.Attachment;
import com.m365console.mail.FetchedMessage;
import com.m365console.mail.MessageFlag;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes mail synchronised over Graph into IMAP's tables: each delta page with the folder's delta checkpoint in one
 * transaction (so a cut run resumes after the last stored page), new messages under UIDs from the folder's own
 * counter (the reader pages by UID), and a full round's end removing the rows that round did not see (what was
 * deleted while a delta token was lost). The folder row is locked for the page, so UIDs never collide.
 */
@Repository
class GraphMailStore {

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final MailStore mail;

    GraphMailStore(DatabaseClient db, TransactionalOperator transaction, MailStore mail) {
        this.db = db;
        this.transaction = transaction;
        this.mail = mail;
    }

    /** The folder's Graph checkpoint; the row is created at its first sync, as IMAP does. */
    Mono<GraphCheckpoint> folder(UUID mailboxId, String fullName) {
        return db.sql("""
                insert into mail_folder (mailbox_id, full_name) values (:mailbox, :name)
                on conflict (mailbox_id, full_name) do update set full_name = excluded.full_name
                returning id, graph_folder_id, delta_link, delta_round_complete, graph_full_round""")
                .bind("mailbox", mailboxId)
                .bind("name", fullName)
                .map(row -> new GraphCheckpoint(
                        row.get("id", UUID.class),
                        row.get("graph_folder_id", String.class),
                        row.get("delta_link", String.class) == null
                                ? null
                                : new DeltaCheckpoint(
                                        row.get("delta_link", String.class),
                                        Boolean.TRUE.equals(row.get("delta_round_complete", Boolean.class))),
                        row.get("graph_full_round", UUID.class)))
                .one();
    }

    /**
     * A round over the whole folder begins (first sync, lost delta token, folder re-created): no checkpoint, a new
     * round id. UIDVALIDITY is cleared: the UIDs Graph rows get mean nothing to IMAP, so a switch back to IMAP stores
     * the folder anew instead of mixing them.
     */
    Mono<GraphCheckpoint> startFullRound(UUID folderId, String graphFolderId) {
        return db.sql("""
                update mail_folder set graph_folder_id = :graph, delta_link = null, delta_round_complete = false,
                    graph_full_round = gen_random_uuid(), uid_validity = null
                where id = :id returning graph_full_round""")
                .bind("id", folderId)
                .bind("graph", graphFolderId)
                .map(row -> new GraphCheckpoint(folderId, graphFolderId, null, row.get(0, UUID.class)))
                .one();
    }

    /** Graph ids of the page that the folder already has a row for, by Graph id or by Message-ID. */
    Mono<Set<String>> known(UUID folderId, DeltaPage page) {
        if (page.messages().isEmpty()) {
            return Mono.just(Set.of());
        }
        return candidates(folderId, page)
                .collectList()
                .map(rows -> GraphPagePlan.of(page.messages(), rows, 0).updates().stream()
                        .map(GraphPagePlan.Update::graphId)
                        .collect(Collectors.toSet()));
    }

    /** Stores one page and its checkpoint atomically; {@code attachments} by Graph id, for new messages. */
    Mono<PageStored> page(UUID folderId, DeltaPage page, Map<String, List<Attachment>> attachments) {
        Mono<PageStored> work = db.sql("""
                select greatest(f.last_uid, coalesce((select max(uid) from mail_message where folder_id = f.id), 0))
                    as last_uid, f.graph_full_round
                from mail_folder f where f.id = :id for update""")
                .bind("id", folderId)
                .map(row -> new Locked(row.get("last_uid", Long.class), row.get("graph_full_round", UUID.class)))
                .one()
                .flatMap(locked -> candidates(folderId, page)
                        .collectList()
                        .flatMap(rows -> apply(
                                folderId,
                                page,
                                locked,
                                GraphPagePlan.of(page.messages(), rows, locked.lastUid()),
                                attachments)));
        return transaction.transactional(work);
    }

    private Mono<PageStored> apply(
            UUID folderId,
            DeltaPage page,
            Locked locked,
            GraphPagePlan plan,
            Map<String, List<Attachment>> attachments) {
        List<FetchedMessage> rows = plan.inserts().stream()
                .map(insert -> GraphMessageRows.row(
                        insert.uid(),
                        insert.message(),
                        attachments.getOrDefault(insert.message().id(), List.of())))
                .toList();
        List<String> insertedIds =
                plan.inserts().stream().map(insert -> insert.message().id()).toList();
        Mono<Integer> inserted = rows.isEmpty() ? Mono.just(0) : mail.insert(folderId, rows, insertedIds);
        Mono<Long> removed = page.removedIds().isEmpty()
                ? Mono.just(0L)
                : db.sql("delete from mail_message where folder_id = :id and graph_id = any(:removed::text[])")
                        .bind("id", folderId)
                        .bind("removed", page.removedIds().toArray(String[]::new))
                        .fetch()
                        .rowsUpdated();
        Mono<Long> unseen = page.last() && locked.fullRound() != null
                ? db.sql("""
                        delete from mail_message where folder_id = :id
                        and graph_round is distinct from :round""")
                        .bind("id", folderId)
                        .bind("round", locked.fullRound())
                        .fetch()
                        .rowsUpdated()
                : Mono.just(0L);
        return updated(plan)
                .then(inserted)
                .flatMap(added -> markSeen(folderId, locked, plan)
                        .then(removed)
                        .flatMap(deleted -> unseen.map(dropped -> deleted + dropped))
                        .flatMap(gone -> checkpoint(folderId, page.next(), plan.lastUid())
                                .then(count(folderId))
                                .map(stored -> new PageStored(added, gone.intValue(), stored))));
    }

    /** Rows the page's messages may land on: by Graph id, or IMAP's rows without one by Message-ID. */
    private Flux<GraphPagePlan.StoredRow> candidates(UUID folderId, DeltaPage page) {
        if (page.messages().isEmpty()) {
            return Flux.empty();
        }
        String[] graphIds = page.messages().stream().map(GraphMessage::id).toArray(String[]::new);
        String[] messageIds = page.messages().stream()
                .map(GraphMessage::internetMessageId)
                .filter(Objects::nonNull)
                .toArray(String[]::new);
        return db.sql("""
                select id, graph_id, message_id, flags from mail_message where folder_id = :id
                and (graph_id = any(:graphIds::text[]) or (graph_id is null and message_id = any(:messageIds::text[])))
                order by uid""")
                .bind("id", folderId)
                .bind("graphIds", graphIds)
                .bind("messageIds", messageIds)
                .map(row -> new GraphPagePlan.StoredRow(
                        row.get("id", UUID.class),
                        row.get("graph_id", String.class),
                        row.get("message_id", String.class),
                        flags(row.get("flags", String[].class))))
                .all();
    }

    private Mono<Void> updated(GraphPagePlan plan) {
        if (plan.updates().isEmpty()) {
            return Mono.empty();
        }
        String[] ids = plan.updates().stream().map(u -> u.rowId().toString()).toArray(String[]::new);
        String[] graphIds =
                plan.updates().stream().map(GraphPagePlan.Update::graphId).toArray(String[]::new);
        String[] flags = plan.updates().stream()
                .map(u -> String.join(
                        ",", u.flags().stream().map(Enum::name).sorted().toList()))
                .toArray(String[]::new);
        return db.sql("""
                update mail_message m set graph_id = u.graph_id, flags = u.flags
                from (select id::uuid as id, graph_id, string_to_array(names, ',') as flags
                      from unnest(:ids::text[], :graphIds::text[], :flags::text[]) as p(id, graph_id, names)) as u
                where m.id = u.id""")
                .bind("ids", ids)
                .bind("graphIds", graphIds)
                .bind("flags", flags)
                .then();
    }

    /** In a full round, the page's messages are marked seen by it; the round's last page removes the rest. */
    private Mono<Void> markSeen(UUID folderId, Locked locked, GraphPagePlan plan) {
        List<String> ids = plan.graphIds();
        if (locked.fullRound() == null || ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                update mail_message set graph_round = :round
                where folder_id = :id and graph_id = any(:graphIds::text[])""")
                .bind("id", folderId)
                .bind("round", locked.fullRound())
                .bind("graphIds", ids.toArray(String[]::new))
                .then();
    }

    private Mono<Void> checkpoint(UUID folderId, DeltaCheckpoint next, long lastUid) {
        return db.sql("""
                update mail_folder set delta_link = :link, delta_round_complete = :complete, last_uid = :lastUid,
                    graph_full_round = case when :complete then null else graph_full_round end,
                    last_synced_at = now()
                where id = :id""")
                .bind("id", folderId)
                .bind("link", next.url())
                .bind("complete", next.roundComplete())
                .bind("lastUid", lastUid)
                .then();
    }

    Mono<Long> count(UUID folderId) {
        return db.sql("select count(*) from mail_message where folder_id = :id")
                .bind("id", folderId)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static Set<MessageFlag> flags(String[] names) {
        Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        for (MessageFlag flag : MessageFlag.values()) {
            if (names != null && Arrays.asList(names).contains(flag.name())) {
                flags.add(flag);
            }
        }
        return flags;
    }

    private record Locked(long lastUid, UUID fullRound) {}

    /**
     * Where a folder's Graph sync stands: the Graph folder it was read from, the delta checkpoint (null before the
     * first stored page of a round), and the full round in progress (null when none is).
     */
    record GraphCheckpoint(UUID folderId, String graphFolderId, DeltaCheckpoint delta, UUID fullRound) {}

    /** What one page did: messages added, rows removed, and how many the folder holds now. */
    record PageStored(int added, int removed, long storedInFolder) {}
}
