package com.m365console.mailbox;

import com.m365console.identity.DeletedOwnerMailboxes;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps a deleted user's mailboxes with their mail when the admin chooses so: each becomes a disconnected shared
 * (SYSTEM) mailbox, so administrators find it under System > Mailboxes to read, reconnect or delete; its tokens go.
 */
@Component
class KeptMailboxes implements DeletedOwnerMailboxes {

    private final DatabaseClient db;

    KeptMailboxes(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> keepAsShared(UUID ownerId, String ownerName) {
        return db.sql("""
                with kept as (update mailbox set kind = 'SYSTEM', owner_id = null, state = 'DISCONNECTED',
                        access_refused_by = '{}', last_error = :note
                    where owner_id = :owner returning id),
                tokens as (delete from mailbox_token where mailbox_id in (select id from kept))
                select count(*) from kept""")
                .bind("owner", ownerId)
                .bind(
                        "note",
                        "Kept with its mail when its owner " + ownerName + " was deleted. Reconnect it as a "
                                + "shared mailbox, or disconnect it with its mail deleted.")
                .map(row -> row.get(0, Long.class))
                .one();
    }
}
