package com.m365console.sync;


import com.m365console.settings.EmailSyncSettingsService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Synchronises due mailboxes on the schedule of the Email Synchronization Settings, a few at a time. */
@Component
class SyncScheduler {

    private final EmailSyncSettingsService settings;
    private final SyncSchedule schedule;
    private final MailboxSynchronizer synchronizer;

    SyncScheduler(EmailSyncSettingsService settings, SyncSchedule schedule, MailboxSynchronizer synchronizer) {
        this.settings = settings;
        this.schedule = schedule;
        this.synchronizer = synchronizer;
    }

    @Scheduled(fixedDelayString = "${m365.sync.schedule-check-interval:PT30S}",
            initialDelayString = "${m365.sync.schedule-check-interval:PT30S}")
    public Mono<Void> synchroniseDueMailboxes() {
        return settings.current()
                .filter(current -> current.enabled())
                .flatMapMany(current -> schedule.due(current.maxConcurrent() * 4)
                        .flatMap(mailboxId -> synchronizer.sync(mailboxId).onErrorResume(ex -> Mono.empty()),
                                current.maxConcurrent()))
                .then();
    }

}
