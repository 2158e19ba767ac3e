package com.m365console.sync;

import com.m365console.settings.EmailSyncSettingsService;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Decides which mailboxes this instance pushes new mail for: connected mailboxes that synchronise their
 * INBOX, while Email Synchronization is enabled, each held by one instance through a PUSH lease that the
 * holder renews on every check. Starts and stops one {@link InboxPushWatcher} per mailbox, each writing its push
 * state under this instance's name (the lease holder), which counts while the lease lives. All watchers share a small
 * fixed pool of threads ({@code m365.sync.push.threads}) and one IDLE selector, whatever the number of mailboxes.
 */
@Component
public class InboxPushWatchers {

    /** How long a stopping watcher may take to finish its sync and log out. */
    private static final Duration FINISH = Duration.ofSeconds(10);

    private final EmailSyncSettingsService settings;
    private final SyncSchedule schedule;
    private final SyncLeases leases;
    private final PushConnector connector;
    private final MailboxSynchronizer synchronizer;
    private final SyncEvents events;
    private final PushProperties properties;
    private final PushStatusStore pushStates;
    private final PushInstances instances;
    private final String instance = UUID.randomUUID().toString();
    private final Map<UUID, InboxPushWatcher> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pool;

    InboxPushWatchers(
            EmailSyncSettingsService settings,
            SyncSchedule schedule,
            SyncLeases leases,
            PushConnector connector,
            MailboxSynchronizer synchronizer,
            SyncEvents events,
            PushProperties properties,
            PushStatusStore pushStates,
            PushInstances instances) {
        this.settings = settings;
        this.schedule = schedule;
        this.leases = leases;
        this.connector = connector;
        this.synchronizer = synchronizer;
        this.events = events;
        this.properties = properties;
        this.pushStates = pushStates;
        this.instances = instances;
        this.pool = pool(properties.threads());
    }

    /** Daemon threads named after their work, so a thread dump shows the push pool at a glance. */
    private static ScheduledExecutorService pool(int threads) {
        CustomizableThreadFactory named = new CustomizableThreadFactory("inbox-push-");
        named.setDaemon(true);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, named);
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /**
     * Renews this instance's presence and leases, then starts the watchers it now should run and stops the others.
     * Each live instance takes its fair share (the mailboxes divided by the live instances, rounded up): those it
     * watches already first, then free or lapsed ones; what it holds beyond its share it lets go for the others.
     */
    @Scheduled(
            fixedDelayString = "${m365.sync.push.check-interval:PT30S}",
            initialDelayString = "${m365.sync.push.check-interval:PT30S}")
    public Mono<Void> refresh() {
        return settings.current()
                .map(current -> current.enabled() && properties.enabled())
                .flatMap(enabled -> enabled
                        ? schedule.inboxSynchronising().collectList().flatMap(this::claimShare)
                        : instances
                                .leave(instance)
                                .onErrorResume(ex -> Mono.empty())
                                .thenReturn(Set.<UUID>of()))
                .flatMap(this::watchExactly);
    }

    private Mono<Set<UUID>> claimShare(List<UUID> wanted) {
        List<UUID> ordered = new ArrayList<>(wanted);
        ordered.sort(Comparator.comparing((UUID mailboxId) -> !isWatching(mailboxId))
                .thenComparing(Comparator.naturalOrder()));
        return instances
                .renewAndCount(instance, properties.leaseTtl())
                .onErrorReturn(1)
                .flatMap(live -> Flux.fromIterable(ordered)
                        .concatMap(
                                mailboxId -> leases.acquire(
                                                mailboxId, SyncLeases.Purpose.PUSH, instance, properties.leaseTtl())
                                        .onErrorReturn(false)
                                        .filter(Boolean::booleanValue)
                                        .map(held -> mailboxId),
                                1)
                        .take((wanted.size() + live - 1) / live)
                        .collect(Collectors.toSet()));
    }

    /** Whether a watcher of this instance is pushing the mailbox's new mail now. */
    public boolean isWatching(UUID mailboxId) {
        InboxPushWatcher watcher = watchers.get(mailboxId);
        return watcher != null && !watcher.isStopped();
    }

    /** How many mailboxes this instance is pushing the new mail of now. */
    int watching() {
        return (int) watchers.values().stream()
                .filter(watcher -> !watcher.isStopped())
                .count();
    }

    /** How many IMAP connections this instance has opened to push the mailbox's mail (0 when none). */
    public int connections(UUID mailboxId) {
        InboxPushWatcher watcher = watchers.get(mailboxId);
        return watcher == null ? 0 : watcher.connections();
    }

    /** Ends IDLE where it is due (renewal, re-authentication, stop); cheap, so it runs every second. */
    @Scheduled(fixedDelay = 1000)
    void wakeDueWatchers() {
        watchers.values().forEach(InboxPushWatcher::wakeIfDue);
    }

    @PreDestroy
    void stopAll() throws InterruptedException {
        watchers.values().forEach(InboxPushWatcher::stop);
        for (InboxPushWatcher watcher : watchers.values()) {
            watcher.awaitFinished(FINISH);
        }
        watchers.keySet()
                .forEach(mailboxId -> leases.release(mailboxId, SyncLeases.Purpose.PUSH, instance)
                        .onErrorResume(ex -> Mono.empty())
                        .block(Duration.ofSeconds(5)));
        watchers.clear();
        pool.shutdownNow();
        instances.leave(instance).onErrorResume(ex -> Mono.empty()).block(Duration.ofSeconds(5));
    }

    private Mono<Void> watchExactly(Set<UUID> held) {
        Flux<Void> released = Flux.fromIterable(Set.copyOf(watchers.keySet()))
                .filter(mailboxId ->
                        !held.contains(mailboxId) || watchers.get(mailboxId).isStopped())
                .concatMap(mailboxId -> {
                    InboxPushWatcher watcher = watchers.remove(mailboxId);
                    watcher.stop();
                    return Mono.fromCallable(() -> watcher.awaitFinished(FINISH))
                            .subscribeOn(Schedulers.boundedElastic())
                            .then(
                                    held.contains(mailboxId)
                                            ? Mono.empty()
                                            : leases.release(mailboxId, SyncLeases.Purpose.PUSH, instance));
                });
        return released.then(
                Mono.fromRunnable(() -> held.forEach(mailboxId -> watchers.computeIfAbsent(mailboxId, this::start))));
    }

    private InboxPushWatcher start(UUID mailboxId) {
        InboxPushWatcher watcher = new InboxPushWatcher(
                mailboxId,
                connector,
                synchronizer,
                events,
                properties,
                new PushStateWriter(mailboxId, instance, pushStates),
                pool);
        watcher.start();
        return watcher;
    }
}
