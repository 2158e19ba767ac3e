package com.m365console.sync;

import java.util.List;
import java.util.Map;

import com.m365console.mailbox.MailboxView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A mailbox's push health on the GraphQL type {@code Mailbox}, read for every mailbox of a list at once. Readable
 * wherever the mailbox itself is: these fields are only reached through mailboxes the caller may see.
 */
@Controller
class MailboxHealthController {

    private final PushStatuses statuses;

    MailboxHealthController(PushStatuses statuses) {
        this.statuses = statuses;
    }

    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, PushStatus>> push(List<MailboxView> mailboxes) {
        return statuses.of(mailboxes);
    }

    /** True only while a watcher holding the live PUSH lease is in IDLE on the INBOX. */
    @BatchMapping(typeName = "Mailbox")
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Map<MailboxView, Boolean>> pushing(List<MailboxView> mailboxes) {
        return statuses.of(mailboxes).map(found -> {
            Map<MailboxView, Boolean> watching = new java.util.LinkedHashMap<>();
            found.forEach((mailbox, status) -> watching.put(mailbox, status.watching()));
            return watching;
        });
    }
}
