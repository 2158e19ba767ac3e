package com.m365console.sync;

import com.m365console.mail.FetchedMessage;
import com.m365console.mail.MailAddress;
import com.m365console.mail.MessageFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes synchronised mail: a batch of messages in one statement together with the folder's checkpoint, in
 * one transaction, so an interrupted sync resumes after the last stored batch and never stores a message twice.
 */
@Repository
class MailStore implements MessageStore {

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    MailStore(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    @Override
    public Mono<FolderCheckpoint> folder(UUID mailboxId, String fullName) {
        return db.sql("""
                insert into mail_folder (mailbox_id, full_name) values (:mailbox, :name)
                on conflict (mailbox_id, full_name) do update set full_name = excluded.full_name
                returning id, uid_validity, last_uid""")
                .bind("mailbox", mailboxId)
                .bind("name", fullName)
                .map(row -> new FolderCheckpoint(
                        row.get("id", UUID.class),
                        row.get("uid_validity", Long.class),
                        row.get("last_uid", Long.class)))
                .one();
    }

    @Override
    public Mono<Void> restart(UUID folderId, long uidValidity) {
        return transaction.transactional(db.sql("delete from mail_message where folder_id = :id")
                .bind("id", folderId)
                .then()
                .then(db.sql("update mail_folder set uid_validity = :validity, last_uid = 0 where id = :id")
                        .bind("id", folderId)
                        .bind("validity", uidValidity)
                        .then()));
    }

    @Override
    public Mono<Integer> store(UUID folderId, List<FetchedMessage> batch) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        long maxUid = batch.stream().mapToLong(FetchedMessage::uid).max().orElse(0);
        Mono<Void> checkpoint = db.sql(
                        "update mail_folder set last_uid = greatest(last_uid, :uid), last_synced_at = now() where id = :id")
                .bind("id", folderId)
                .bind("uid", maxUid)
                .then();
        return transaction.transactional(
                insert(folderId, batch, null).flatMap(stored -> checkpoint.thenReturn(stored)));
    }

    /**
     * Inserts a batch in one statement, within the caller's transaction; {@code graphIds} (null over IMAP) are the
     * messages' Graph ids in the batch's order. A UID the folder has already is left as it is.
     */
    Mono<Integer> insert(UUID folderId, List<FetchedMessage> batch, List<String> graphIds) {
        int n = batch.size();
        String[] graph = graphIds == null ? new String[n] : graphIds.toArray(String[]::new);
        Long[] uids = new Long[n];
        String[] messageIds = new String[n];
        String[] inReplyTo = new String[n];
        String[] subjects = new String[n];
        String[] fromNames = new String[n];
        String[] fromAddresses = new String[n];
        String[] to = new String[n];
        String[] cc = new String[n];
        java.time.OffsetDateTime[] sentAt = new java.time.OffsetDateTime[n];
        java.time.OffsetDateTime[] receivedAt = new java.time.OffsetDateTime[n];
        Long[] sizes = new Long[n];
        String[] flags = new String[n];
        String[] textBodies = new String[n];
        String[] htmlBodies = new String[n];
        Boolean[] truncated = new Boolean[n];
        String[] attachments = new String[n];
        for (int i = 0; i < n; i++) {
            FetchedMessage message = batch.get(i);
            uids[i] = message.uid();
            messageIds[i] = message.messageId();
            inReplyTo[i] = message.inReplyTo();
            subjects[i] = message.subject();
            fromNames[i] = message.from() == null ? null : message.from().name();
            fromAddresses[i] = message.from() == null ? null : message.from().address();
            to[i] = json.writeValueAsString(addresses(message.to()));
            cc[i] = json.writeValueAsString(addresses(message.cc()));
            sentAt[i] = message.sentAt();
            receivedAt[i] = message.receivedAt();
            sizes[i] = message.size();
            flags[i] = json.writeValueAsString(flagNames(message.flags()));
            textBodies[i] = message.textBody();
            htmlBodies[i] = message.htmlBody();
            truncated[i] = message.bodyTruncated();
            attachments[i] = json.writeValueAsString(message.attachments());
        }
        return db.sql("""
                insert into mail_message (folder_id, uid, message_id, in_reply_to, subject, from_name, from_address,
                    to_addresses, cc_addresses, sent_at, received_at, size, flags, text_body, html_body,
                    body_truncated, attachments, graph_id)
                select :folder, m.uid, m.message_id, m.in_reply_to, m.subject, m.from_name, m.from_address,
                    array(select jsonb_array_elements_text(m.to_json::jsonb)),
                    array(select jsonb_array_elements_text(m.cc_json::jsonb)),
                    m.sent_at, m.received_at, m.size,
                    array(select jsonb_array_elements_text(m.flags_json::jsonb)),
                    m.text_body, m.html_body, m.truncated, m.attachments::jsonb, m.graph_id
                from unnest(:uids::bigint[], :messageIds::text[], :inReplyTo::text[], :subjects::text[],
                    :fromNames::text[], :fromAddresses::text[], :to::text[], :cc::text[], :sentAt::timestamptz[],
                    :receivedAt::timestamptz[], :sizes::bigint[], :flags::text[], :textBodies::text[],
                    :htmlBodies::text[], :truncated::boolean[], :attachments::text[], :graphIds::text[])
                    as m(uid, message_id, in_reply_to, subject, from_name, from_address, to_json, cc_json, sent_at,
                         received_at, size, flags_json, text_body, html_body, truncated, attachments, graph_id)
                on conflict (folder_id, uid) do nothing""")
                .bind("folder", folderId)
                .bind("uids", uids)
                .bind("messageIds", messageIds)
                .bind("inReplyTo", inReplyTo)
                .bind("subjects", subjects)
                .bind("fromNames", fromNames)
                .bind("fromAddresses", fromAddresses)
                .bind("to", to)
                .bind("cc", cc)
                .bind("sentAt", sentAt)
                .bind("receivedAt", receivedAt)
                .bind("sizes", sizes)
                .bind("flags", flags)
                .bind("textBodies", textBodies)
                .bind("htmlBodies", htmlBodies)
                .bind("truncated", truncated)
                .bind("attachments", attachments)
                .bind("graphIds", graph)
                .fetch()
                .rowsUpdated()
                .map(Long::intValue);
    }

    /**
     * A hash anti-join for what the server no longer has, and flags compared as text arrays: on a 4,000-message folder
     * {@code uid <> all(array)} and a jsonb parse per row cost seconds.
     */
    @Override
    public Mono<Void> reconcile(UUID folderId, long upToUid, Map<Long, Set<MessageFlag>> present) {
        Long[] uids = present.keySet().toArray(Long[]::new);
        String[] flags = present.values().stream()
                .map(set -> String.join(",", flagNames(set)))
                .toArray(String[]::new);
        Mono<Void> deleted = db.sql("""
                delete from mail_message m where m.folder_id = :id and m.uid <= :upTo
                  and not exists (select 1 from unnest(:uids::bigint[]) as p(uid) where p.uid = m.uid)""")
                .bind("id", folderId)
                .bind("upTo", upToUid)
                .bind("uids", uids)
                .then();
        Mono<Void> updated = db.sql("""
                update mail_message m set flags = f.flags
                from (select uid, string_to_array(names, ',') as flags
                      from unnest(:uids::bigint[], :flags::text[]) as p(uid, names)) as f
                where m.folder_id = :id and m.uid = f.uid and m.flags is distinct from f.flags""")
                .bind("id", folderId)
                .bind("uids", uids)
                .bind("flags", flags)
                .then();
        return transaction.transactional(deleted.then(updated));
    }

    @Override
    public Mono<Long> count(UUID folderId) {
        return db.sql("select count(*) from mail_message where folder_id = :id")
                .bind("id", folderId)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    @Override
    public Mono<StoredCounts> counts(UUID folderId) {
        return db.sql("""
                select count(*), count(*) filter (where not ('SEEN' = any(flags))) from mail_message where folder_id = :id""")
                .bind("id", folderId)
                .map(row -> new StoredCounts(row.get(0, Long.class), row.get(1, Long.class)))
                .one();
    }

    private static List<String> addresses(List<MailAddress> list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            list.forEach(address -> out.add(
                    address.name() == null || address.name().isBlank()
                            ? address.address()
                            : address.name() + " <" + address.address() + ">"));
        }
        return out;
    }

    private static List<String> flagNames(Set<MessageFlag> flags) {
        return flags == null
                ? List.of()
                : flags.stream().map(Enum::name).sorted().toList();
    }
}
