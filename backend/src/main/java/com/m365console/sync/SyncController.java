package com.m365console.sync;

import com.m365console.mailbox.MailboxDirectory;
import com.m365console.mailbox.MailboxIdInput;
import com.m365console.mailbox.MailboxView;
import com.m365console.platform.graphql.InvalidArgumentException;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.platform.ratelimit.OperationRateLimits;
import com.m365console.platform.ratelimit.RateLimitedOperation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GraphQL entry points for synchronisation: "Sync now" (rate-limited per mailbox) and the live status subscription
 * (a mailbox's recorded sync health is {@code MailboxHealthController}'s).
 */
@Controller
class SyncController {

    private final MailboxSynchronizer synchronizer;
    private final SyncEvents events;
    private final MailboxDirectory mailboxes;
    private final OperationRateLimits limits;

    SyncController(
            MailboxSynchronizer synchronizer,
            SyncEvents events,
            MailboxDirectory mailboxes,
            OperationRateLimits limits) {
        this.synchronizer = synchronizer;
        this.events = events;
        this.mailboxes = mailboxes;
        this.limits = limits;
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<SyncMailboxPayload> syncMailbox(@Argument MailboxIdInput input, Authentication authentication) {
        return mailboxes
                .findVisible(input.mailboxId(), authentication)
                .flatMap(mailbox -> limits.within(
                        RateLimitedOperation.SYNC_MAILBOX,
                        mailbox.id().toString(),
                        error -> new SyncMailboxPayload(null, List.of(error)),
                        () -> synchronizer
                                .sync(mailbox.id())
                                .map(outcome -> new SyncMailboxPayload(outcome.status(mailbox.id()), List.of()))))
                .defaultIfEmpty(new SyncMailboxPayload(
                        null,
                        List.of(new UserError(
                                "mailboxId", UserErrorCode.NOT_FOUND, "You have no mailbox with this id."))));
    }

    @SubscriptionMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Flux<SyncStatus> mailboxSyncStatus(@Argument UUID mailboxId, Authentication authentication) {
        if (mailboxId != null) {
            // Through a future: flatMapMany keeps its source for as long as the subscription lives, and that source
            // (the mailbox query's statement, row and metadata) cost about 20 KB of heap on each open socket.
            return Mono.fromFuture(() -> mailboxes
                            .findVisible(mailboxId, authentication)
                            .map(MailboxView::id)
                            .switchIfEmpty(
                                    Mono.error(new InvalidArgumentException("You have no mailbox with this id.")))
                            .toFuture())
                    .flatMapMany(events::of);
        }
        if (MailboxDirectory.isAdmin(authentication)) {
            // An admin oversees every mailbox on the Dashboard, as allMailboxes lists them with their health
            return events.all();
        }
        Map<UUID, Boolean> visible = new ConcurrentHashMap<>();
        return events.all().filterWhen(status -> {
            Boolean known = visible.get(status.mailboxId());
            return known != null
                    ? Mono.just(known)
                    : mailboxes
                            .findVisible(status.mailboxId(), authentication)
                            .hasElement()
                            .doOnNext(answer -> visible.put(status.mailboxId(), answer));
        });
    }
}
