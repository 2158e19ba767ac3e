package com.m365console.messages;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Queries over synchronised mail. */
@Repository
class MessageRepository {

    private final DatabaseClient db;

    MessageRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<UUID> mailboxOfFolder(UUID folderId) {
        return db.sql("select mailbox_id from mail_folder where id = :id")
                .bind("id", folderId)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Flux<FolderSummary> folders(UUID mailboxId) {
        return db.sql("""
                select f.id, f.full_name, f.last_synced_at, count(m.id) as total,
                       count(m.id) filter (where not ('SEEN' = any(m.flags))) as unread
                from mail_folder f left join mail_message m on m.folder_id = f.id
                where f.mailbox_id = :mailbox group by f.id order by f.full_name <> 'INBOX', f.full_name""")
                .bind("mailbox", mailboxId)
                .map(row -> new FolderSummary(
                        row.get("id", UUID.class),
                        row.get("full_name", String.class),
                        row.get("total", Long.class).intValue(),
                        row.get("unread", Long.class).intValue(),
                        row.get("last_synced_at", OffsetDateTime.class)))
                .all();
    }

    /** A page of a folder, newest first, after the given position; one more row than asked tells if more follow. */
    Flux<SummaryRow> page(UUID folderId, PageCursor after, int limit, String search) {
        String where = "m.folder_id = :folder";
        if (after != null) {
            where += " and (coalesce(m.received_at, '-infinity'::timestamptz), m.uid)"
                    + " < (coalesce(:afterTime::timestamptz, '-infinity'::timestamptz), :afterUid)";
        }
        if (search != null) {
            where += " and (m.subject ilike :search or m.from_address ilike :search or m.from_name ilike :search)";
        }
        var spec = db.sql("""
                select m.id, m.uid, m.subject, m.from_name, m.from_address, m.received_at, m.flags,
                       jsonb_array_length(m.attachments) > 0 as has_attachments
                from mail_message m where %s
                order by coalesce(m.received_at, '-infinity'::timestamptz) desc, m.uid desc
                limit :limit""".formatted(where)).bind("folder", folderId).bind("limit", limit);
        if (after != null) {
            spec = (after.receivedAt() == null
                            ? spec.bindNull("afterTime", OffsetDateTime.class)
                            : spec.bind("afterTime", after.receivedAt()))
                    .bind("afterUid", after.uid());
        }
        if (search != null) {
            spec = spec.bind(
                    "search",
                    "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec.map(MessageRepository::summary).all();
    }

    Mono<MessageDetail> message(UUID id) {
        return db.sql("""
                select m.*, f.mailbox_id from mail_message m join mail_folder f on f.id = m.folder_id
                where m.id = :id""")
                .bind("id", id)
                .map(row -> new MessageDetail(
                        row.get("id", UUID.class),
                        row.get("folder_id", UUID.class),
                        row.get("mailbox_id", UUID.class),
                        row.get("message_id", String.class),
                        row.get("subject", String.class),
                        row.get("from_name", String.class),
                        row.get("from_address", String.class),
                        list(row.get("to_addresses", String[].class)),
                        list(row.get("cc_addresses", String[].class)),
                        row.get("sent_at", OffsetDateTime.class),
                        row.get("received_at", OffsetDateTime.class),
                        list(row.get("flags", String[].class)),
                        row.get("text_body", String.class),
                        row.get("html_body", String.class),
                        Boolean.TRUE.equals(row.get("body_truncated", Boolean.class)),
                        row.get("attachments", String.class)))
                .one();
    }

    private static SummaryRow summary(Readable row) {
        List<String> flags = list(row.get("flags", String[].class));
        return new SummaryRow(
                row.get("id", UUID.class),
                row.get("uid", Long.class),
                row.get("subject", String.class),
                row.get("from_name", String.class),
                row.get("from_address", String.class),
                row.get("received_at", OffsetDateTime.class),
                flags.contains("SEEN"),
                flags.contains("FLAGGED"),
                Boolean.TRUE.equals(row.get("has_attachments", Boolean.class)));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    record FolderSummary(UUID id, String fullName, int total, int unread, OffsetDateTime lastSyncedAt) {}

    record SummaryRow(
            UUID id,
            long uid,
            String subject,
            String fromName,
            String fromAddress,
            OffsetDateTime receivedAt,
            boolean seen,
            boolean flagged,
            boolean hasAttachments) {}

    record MessageDetail(
            UUID id,
            UUID folderId,
            UUID mailboxId,
            String messageId,
            String subject,
            String fromName,
            String fromAddress,
            List<String> to,
            List<String> cc,
            OffsetDateTime sentAt,
            OffsetDateTime receivedAt,
            List<String> flags,
            String text,
            String rawHtml,
            boolean bodyTruncated,
            String attachmentsJson) {}
}
