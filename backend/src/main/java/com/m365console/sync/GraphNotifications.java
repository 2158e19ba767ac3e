package com.m365console.sync;

import com.m365console.settings.EmailSyncSettingsService;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What Graph's change and lifecycle notifications do: each names a subscription and carries its client state; one
 * whose state does not match the stored hash is ignored (anyone can POST to the URL). A change, a {@code missed} or a
 * {@code reauthorizationRequired} (which also has the next run renew the subscription) makes the mailbox due for a
 * delta run, recorded in the database so any instance runs it, and starts that run here at once; a
 * {@code subscriptionRemoved} has the run create a new subscription.
 */
@Service
class GraphNotifications {

    private static final Logger log = LoggerFactory.getLogger(GraphNotifications.class);

    private final GraphSubscriptionStore store;
    private final MailboxSynchronizer synchronizer;
    private final EmailSyncSettingsService settings;

    GraphNotifications(
            GraphSubscriptionStore store, MailboxSynchronizer synchronizer, EmailSyncSettingsService settings) {
        this.store = store;
        this.synchronizer = synchronizer;
        this.settings = settings;
    }

    /** The notifications of one POST ({@code {"value": [...]}}), each acted on; how many were Graph's own. */
    Mono<Long> received(JsonNode body, boolean lifecycle) {
        JsonNode value = body == null ? null : body.get("value");
        if (value == null || !value.isArray()) {
            return Mono.error(
                    new IllegalArgumentException("A Graph notification is a JSON object with a value array."));
        }
        return Flux.fromIterable(value).concatMap(item -> one(item, lifecycle)).count();
    }

    private Mono<Boolean> one(JsonNode item, boolean lifecycle) {
        String subscriptionId = text(item, "subscriptionId");
        String clientState = text(item, "clientState");
        if (subscriptionId == null || clientState == null) {
            log.warn("Ignored a Graph notification without a subscription id or client state");
            return Mono.empty();
        }
        String event = lifecycle ? String.valueOf(text(item, "lifecycleEvent")) : "change";
        return store.subscriber(subscriptionId)
                .filter(subscriber -> subscriber.sentWith(clientState))
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn(
                        "Ignored a Graph notification for subscription {}: unknown, or its client state does not match",
                        subscriptionId)))
                .flatMap(subscriber -> {
                    log.info("Mailbox {}: Graph notification ({})", subscriber.mailboxId(), event);
                    Mono<Void> noted = switch (event.toLowerCase(Locale.ROOT)) {
                        case "subscriptionremoved" -> store.removed(subscriber.mailboxId());
                        case "reauthorizationrequired" -> store.notified(subscriber.mailboxId(), true);
                        default -> store.notified(subscriber.mailboxId(), false);
                    };
                    return noted.then(startRun(subscriber)).thenReturn(true);
                });
    }

    /** Starts the delta run now, detached from Graph's request (Graph wants an answer within seconds). */
    private Mono<Void> startRun(GraphSubscriptionStore.Subscriber subscriber) {
        return settings.current()
                .filter(current -> current.enabled())
                .doOnNext(current -> synchronizer
                        .sync(subscriber.mailboxId())
                        .subscribe(
                                outcome -> {},
                                failure -> log.warn(
                                        "Mailbox {}: the notified sync could not run: {}",
                                        subscriber.mailboxId(),
                                        failure.toString())))
                .then();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
