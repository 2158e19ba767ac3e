package com.m365console.mailbox;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for mailboxes and what was sent from them. */
@Repository
class MailboxRepository {

    private static final String VIEW = """
            select m.id, m.kind, m.transport, m.owner_id, o.username as owner, m.address, m.state, m.last_error,
                   case when m.transport = 'GRAPH' then t.graph_access_expires_at else t.access_expires_at end
                       as access_expires_at,
                   m.connected_at, c.username as connected_by, m.last_check_at,
                   m.imap_check, m.smtp_check, m.selected_folders, m.grant_kind
            from mailbox m
            left join app_user o on o.id = m.owner_id
            left join app_user c on c.id = m.connected_by
            left join mailbox_token t on t.mailbox_id = m.id
            """;

    private final DatabaseClient db;

    MailboxRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<MailboxView> find(UUID id) {
        return db.sql(VIEW + " where m.id = :id")
                .bind("id", id)
                .map(MailboxRepository::view)
                .one();
    }

    Flux<MailboxView> findByOwner(UUID ownerId) {
        return db.sql(VIEW + " where m.owner_id = :owner order by lower(m.address)")
                .bind("owner", ownerId)
                .map(MailboxRepository::view)
                .all();
    }

    Flux<MailboxView> findSystem() {
        return db.sql(VIEW + " where m.kind = 'SYSTEM' order by lower(m.address)")
                .map(MailboxRepository::view)
                .all();
    }

    Flux<MailboxView> findAll() {
        return db.sql(VIEW + " order by m.kind, lower(m.address)")
                .map(MailboxRepository::view)
                .all();
    }

    Mono<UUID> findIdByAddress(MailboxKind kind, UUID ownerId, String address) {
        String ownerClause = kind == MailboxKind.SYSTEM ? "owner_id is null" : "owner_id = :owner";
        var spec = db.sql("select id from mailbox where kind = :kind and " + ownerClause
                        + " and lower(address) = lower(:address)")
                .bind("kind", kind.name())
                .bind("address", address);
        return (kind == MailboxKind.SYSTEM ? spec : spec.bind("owner", ownerId))
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Mono<UUID> insert(MailboxKind kind, UUID ownerId, String address) {
        var spec = db.sql("""
                insert into mailbox (kind, owner_id, address, state) values (:kind, :owner, :address, 'CONNECTED')
                returning id""").bind("kind", kind.name()).bind("address", address);
        spec = ownerId == null ? spec.bindNull("owner", UUID.class) : spec.bind("owner", ownerId);
        return spec.map(row -> row.get("id", UUID.class)).one();
    }

    /** Connected (again) over the transport by a user's consent; a switch keeps the mailbox's id, folders and mail. */
    Mono<Void> markConnected(UUID id, MailTransport transport, UUID connectedBy, String tenantId, String objectId) {
        var spec =
                db.sql("""
                update mailbox set state = 'CONNECTED', last_error = null, access_refused_by = '{}',
                    transport = :transport, grant_kind = 'DELEGATED', connected_by = :by, connected_at = now(),
                    tenant_id = :tenant,
                    object_id = :oid where id = :id""").bind("id", id).bind("transport", transport.name()).bind("by", connectedBy);
        spec = tenantId == null ? spec.bindNull("tenant", String.class) : spec.bind("tenant", tenantId);
        return (objectId == null ? spec.bindNull("oid", String.class) : spec.bind("oid", objectId)).then();
    }

    /** Connected with the application's own permission (or, by a delegate's consent, back to DELEGATED). */
    Mono<Void> setGrant(UUID id, MailboxGrant grant) {
        return db.sql("update mailbox set grant_kind = :grant where id = :id")
                .bind("id", id)
                .bind("grant", grant.name())
                .then();
    }

    Mono<Void> setState(UUID id, MailboxState state, String lastError) {
        var spec = db.sql("update mailbox set state = :state, last_error = :error, access_refused_by = '{}' "
                        + "where id = :id")
                .bind("id", id)
                .bind("state", state.name());
        return (lastError == null ? spec.bindNull("error", String.class) : spec.bind("error", lastError)).then();
    }

    /** Marks mail access refused over one protocol, unless the mailbox needs reconnecting or is disconnected. */
    Mono<Void> refuseAccess(UUID id, MailboxLogin.Protocol protocol, String advice) {
        return db.sql("""
                update mailbox m set state = 'ACCESS_REFUSED', last_error = :advice,
                    access_refused_by = array_append(array_remove(m.access_refused_by, p.name), p.name)
                from (select cast(:protocol as text) as name) p
                where m.id = :id and m.state in ('CONNECTED', 'ACCESS_REFUSED')""")
                .bind("id", id)
                .bind("advice", advice)
                .bind("protocol", protocol.name())
                .then();
    }

    /**
     * Forgets the refusal of a protocol whose login worked; CONNECTED again once no protocol is refused. Concurrent
     * calls compose: PostgreSQL evaluates the new values again on the row an earlier update changed.
     */
    Mono<Void> restoreAccess(UUID id, MailboxLogin.Protocol protocol) {
        return db.sql("""
                update mailbox m set access_refused_by = array_remove(m.access_refused_by, p.name),
                    state = case when m.access_refused_by <@ array[p.name] then 'CONNECTED' else m.state end,
                    last_error = case when m.access_refused_by <@ array[p.name] then null else m.last_error end
                from (select cast(:protocol as text) as name) p
                where m.id = :id and m.state = 'ACCESS_REFUSED' and p.name = any (m.access_refused_by)""").bind("id", id).bind("protocol", protocol.name()).then();
    }

    Mono<Void> saveCheck(UUID id, String imapCheck, String smtpCheck) {
        return db.sql("update mailbox set last_check_at = now(), imap_check = :imap, smtp_check = :smtp where id = :id")
                .bind("id", id)
                .bind("imap", imapCheck)
                .bind("smtp", smtpCheck)
                .then();
    }

    Mono<Void> selectFolders(UUID id, List<String> folders) {
        return db.sql("update mailbox set selected_folders = :folders where id = :id")
                .bind("id", id)
                .bind("folders", folders.toArray(String[]::new))
                .then();
    }

    Mono<UUID> recordSent(
            UUID mailboxId,
            String messageId,
            UUID sentBy,
            List<String> recipients,
            String subject,
            OffsetDateTime sentAt) {
        return db.sql("""
                insert into sent_message (mailbox_id, message_id, sent_by, recipients, subject, sent_at)
                values (:mailbox, :messageId, :by, :recipients, :subject, :sentAt) returning id""")
                .bind("mailbox", mailboxId)
                .bind("messageId", messageId)
                .bind("by", sentBy)
                .bind("recipients", recipients.toArray(String[]::new))
                .bind("subject", subject)
                .bind("sentAt", sentAt)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Mono<Void> deleteSent(UUID mailboxId) {
        return db.sql("delete from sent_message where mailbox_id = :id")
                .bind("id", mailboxId)
                .then();
    }

    private static MailboxView view(Readable row) {
        String[] folders = row.get("selected_folders", String[].class);
        return new MailboxView(
                row.get("id", UUID.class),
                MailboxKind.valueOf(row.get("kind", String.class)),
                MailTransport.valueOf(row.get("transport", String.class)),
                row.get("owner_id", UUID.class),
                row.get("owner", String.class),
                row.get("address", String.class),
                MailboxState.valueOf(row.get("state", String.class)),
                row.get("last_error", String.class),
                row.get("access_expires_at", OffsetDateTime.class),
                row.get("connected_at", OffsetDateTime.class),
                row.get("connected_by", String.class),
                row.get("last_check_at", OffsetDateTime.class),
                row.get("imap_check", String.class),
                row.get("smtp_check", String.class),
                folders == null ? List.of() : Arrays.asList(folders),
                MailboxGrant.valueOf(row.get("grant_kind", String.class)));
    }
}
