package com.m365console.sync;

import com.m365console.settings.EmailSyncSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Synchronises due mailboxes on the schedule of the Email Synchronization Settings, a few at a time; checked often,
 * so that a retry after a failure comes within seconds.
 */
@Component
class SyncScheduler {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final EmailSyncSettingsService settings;
    private final SyncSchedule schedule;
    private final MailboxSynchronizer synchronizer;

    SyncScheduler(EmailSyncSettingsService settings, SyncSchedule schedule, MailboxSynchronizer synchronizer) {
        this.settings = settings;
        this.schedule = schedule;
        this.synchronizer = synchronizer;
    }

    @Scheduled(
            fixedDelayString = "${m365.sync.schedule-check-interval:PT5S}",
            initialDelayString = "${m365.sync.schedule-check-interval:PT5S}")
    public Mono<Void> synchroniseDueMailboxes() {
        return settings.current()
                .filter(current -> current.enabled())
                .flatMapMany(current -> schedule.due(current.maxConcurrent() * 4)
                        .flatMap(
                                mailboxId -> synchronizer.sync(mailboxId).onErrorResume(failure -> {
                                    log.error("Mailbox {}: the scheduled sync could not run", mailboxId, failure);
                                    return Mono.empty();
                                }),
                                current.maxConcurrent()))
                .then()
                .onErrorResume(failure -> {
                    log.warn("Could not look for mailboxes due for a sync: {}", failure.toString());
                    return Mono.empty();
                });
    }
}
