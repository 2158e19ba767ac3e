package com.m365console.sync;

import com.m365console.graph.GraphException;
import com.m365console.graph.GraphFailure;
import com.m365console.graph.GraphMailbox;
import com.m365console.graph.GraphProperties;
import com.m365console.graph.GraphSubscriptions;
import com.m365console.mailbox.MailboxView;
import com.m365console.settings.RedirectUris;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a Graph mailbox's change-notification subscription on its inbox, as part of the mailbox's sync run (so one
 * instance at a time does it, under the run's lease): created when {@code m365.public-base-url} is HTTPS (Graph calls
 * only HTTPS URLs) and the inbox is synced, renewed before it ends or when Graph asks (reauthorizationRequired),
 * created again when Graph removed it. A failure never fails the run: the mailbox keeps its delta poll, the reason
 * shows as its push state, and creating is tried again after {@link #RETRY_AFTER_FAILURE}.
 */
@Component
class GraphSubscriptionKeeper {

    private static final Logger log = LoggerFactory.getLogger(GraphSubscriptionKeeper.class);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);
    private static final SecureRandom random = new SecureRandom();

    private final GraphSubscriptions subscriptions;
    private final GraphSubscriptionStore store;
    private final GraphProperties properties;
    private final Optional<URI> httpsBase;

    GraphSubscriptionKeeper(
            GraphSubscriptions subscriptions,
            GraphSubscriptionStore store,
            GraphProperties properties,
            RedirectUris redirectUris) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.properties = properties;
        this.httpsBase = redirectUris.publicBaseUrl().filter(base -> "https".equalsIgnoreCase(base.getScheme()));
    }

    /** Whether this server can get change notifications at all: its public base URL is HTTPS. */
    boolean notificationsPossible() {
        return httpsBase.isPresent();
    }

    /** Makes sure the mailbox has a live subscription when it should, before the run's delta catches up. Blocking. */
    void keep(MailboxView mailbox, GraphMailbox target, GraphTokenSource tokens) {
        boolean wanted = notificationsPossible() && PushStatuses.synchronisesInbox(mailbox);
        GraphSubscriptionStore.Stored stored = store.find(mailbox.id()).block();
        OffsetDateTime now = OffsetDateTime.now();
        if (!wanted) {
            if (stored != null && stored.subscriptionId() != null) {
                end(mailbox, target, tokens, stored.subscriptionId());
            }
            return;
        }
        boolean live = stored != null && stored.live(now);
        if (live
                && !stored.renewRequested()
                && stored.expiresAt().isAfter(now.plus(properties.subscriptionRenewBefore()))) {
            return;
        }
        if (stored != null
                && stored.lastErrorAt() != null
                && stored.lastErrorAt().isAfter(now.minus(RETRY_AFTER_FAILURE))) {
            return;
        }
        try {
            String token = tokens.accessToken(mailbox.id()).block();
            if (token == null) {
                return;
            }
            OffsetDateTime until = now.plus(properties.subscriptionLifetime());
            if (live && renewed(mailbox, target, token, stored.subscriptionId(), until)) {
                return;
            }
            String clientState = newClientState();
            var created = subscriptions
                    .create(
                            token,
                            target,
                            url(GraphNotificationController.NOTIFICATIONS),
                            url(GraphNotificationController.LIFECYCLE),
                            clientState,
                            until)
                    .block();
            store.created(mailbox.id(), created, clientState).block();
            log.info("Mailbox {}: Graph change notifications on the inbox until {}", mailbox.id(), created.expiresAt());
        } catch (GraphException failure) {
            log.warn(
                    "Mailbox {}: no Graph change notifications; the delta poll goes on: {}",
                    mailbox.id(),
                    failure.getMessage());
            store.failed(mailbox.id(), failure.getMessage()).block();
        }
    }

    /** Renews the subscription; false when Graph no longer has it, so a new one is to be created. */
    private boolean renewed(MailboxView mailbox, GraphMailbox target, String token, String id, OffsetDateTime until) {
        try {
            var renewed = subscriptions.renew(token, target, id, until).block();
            store.renewed(mailbox.id(), renewed).block();
            log.info("Mailbox {}: Graph change notifications renewed until {}", mailbox.id(), renewed.expiresAt());
            return true;
        } catch (GraphException failure) {
            if (failure.failure() != GraphFailure.NOT_FOUND) {
                throw failure;
            }
            log.info("Mailbox {}: Graph no longer has its subscription; creating a new one", mailbox.id());
            return false;
        }
    }

    /** Ends a subscription no longer wanted (INBOX not synced, no HTTPS URL any more); forgotten whatever Graph says. */
    private void end(MailboxView mailbox, GraphMailbox target, GraphTokenSource tokens, String id) {
        try {
            String token = tokens.accessToken(mailbox.id()).block();
            if (token != null) {
                subscriptions.delete(token, target, id).block();
            }
        } catch (GraphException failure) {
            log.info(
                    "Mailbox {}: could not end its Graph subscription; it lapses by itself: {}",
                    mailbox.id(),
                    failure.getMessage());
        }
        store.forget(mailbox.id()).block();
    }

    private URI url(String path) {
        return URI.create(httpsBase.orElseThrow() + path);
    }

    /** 32 random bytes: Graph allows 128 characters of client state. */
    private static String newClientState() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
