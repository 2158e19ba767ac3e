package com.m365console.mailbox;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read access to mailboxes for the features built on them (synchronisation), without their write paths. */
@Component
public class MailboxDirectory {

    private final MailboxRepository mailboxes;

    MailboxDirectory(MailboxRepository mailboxes) {
        this.mailboxes = mailboxes;
    }

    public Mono<MailboxView> find(UUID id) {
        return mailboxes.find(id);
    }

    /** The mailbox if the caller may see it: their own, or a system mailbox for an admin. */
    public Mono<MailboxView> findVisible(UUID id, Authentication authentication) {
        return mailboxes.find(id).filter(Actor.of(authentication)::maySee);
    }

    /** The mailboxes the caller oversees on the Dashboard: every mailbox for an admin, their own for a user. */
    public Flux<MailboxView> overseenBy(Authentication authentication) {
        Actor actor = Actor.of(authentication);
        return actor.admin() ? mailboxes.findAll() : mailboxes.findByOwner(actor.id());
    }

    public static boolean isAdmin(Authentication authentication) {
        return Actor.of(authentication).admin();
    }
}
