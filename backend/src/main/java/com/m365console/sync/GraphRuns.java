package com.m365console.sync;

import com.m365console.graph.GraphException;
import com.m365console.graph.GraphMailClient;
import com.m365console.graph.GraphMailbox;
import com.m365console.mailbox.GraphLogin;
import com.m365console.mailbox.MailboxState;
import com.m365console.mailbox.MailboxView;
import com.m365console.microsoft.Cloud;
import com.m365console.settings.MicrosoftSettingsService;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One synchronisation of a mailbox over Microsoft Graph, as {@link MailboxSynchronizer} runs it under the lease: the
 * mailbox's change-notification subscription kept first ({@link GraphSubscriptionKeeper}), so nothing falls between
 * it and the delta that follows ({@link GraphSyncRun}). For a mailbox reached with the application's own permission,
 * Graph's refusals are the registration's to fix (admin consent, credential), not a user's: recorded on the mailbox
 * as ACCESS_REFUSED with that advice, as Check connection would, so the run ends ACCESS_REFUSED saying what to do.
 */
@Component
class GraphRuns {

    private final GraphMailClient graph;
    private final GraphMailStore store;
    private final MicrosoftSettingsService microsoftSettings;
    private final GraphSubscriptionKeeper subscriptions;
    private final GraphLogin graphLogin;
    private final SyncRunProperties properties;

    GraphRuns(
            GraphMailClient graph,
            GraphMailStore store,
            MicrosoftSettingsService microsoftSettings,
            GraphSubscriptionKeeper subscriptions,
            GraphLogin graphLogin,
            SyncRunProperties properties) {
        this.graph = graph;
        this.store = store;
        this.microsoftSettings = microsoftSettings;
        this.subscriptions = subscriptions;
        this.graphLogin = graphLogin;
        this.properties = properties;
    }

    /** Runs on the caller's thread when subscribed (blocking); {@code attach} receives the run so it can be stopped. */
    Mono<SyncOutcome> run(
            MailboxView mailbox,
            List<String> folders,
            GraphTokenSource tokens,
            SyncProgress progress,
            Consumer<StoppableRun> attach) {
        Mono<SyncOutcome> run = Mono.fromCallable(() -> {
            Cloud cloud = microsoftSettings.current().block().cloud().value();
            GraphMailbox target = GraphSyncRun.target(mailbox, cloud);
            if (mailbox.state() == MailboxState.CONNECTED) {
                subscriptions.keep(mailbox, target, tokens);
            }
            GraphSyncRun sync =
                    new GraphSyncRun(mailbox.id(), target, graph, store, tokens, progress, properties.storeTimeout());
            attach.accept(sync);
            return sync.syncFolders(folders);
        });
        return mailbox.applicationPermission()
                ? run.onErrorResume(
                        GraphException.class, failure -> graphLogin.refusedWhileSyncing(mailbox.id(), failure))
                : run;
    }
}
