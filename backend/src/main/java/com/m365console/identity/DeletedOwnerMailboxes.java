package com.m365console.identity;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What becomes of a deleted account's mailboxes when their mail is kept; the mailbox feature implements it, so
 * that identity needs nothing of its tables. Called inside the deletion's transaction.
 */
public interface DeletedOwnerMailboxes {

    /**
     * Turns the owner's mailboxes into disconnected shared mailboxes (tokens deleted, mail kept); answers how many.
     * Fails with a {@link org.springframework.dao.DuplicateKeyException} when a shared mailbox of such an address
     * exists already.
     */
    Mono<Long> keepAsShared(UUID ownerId, String ownerName);
}
