package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and saves the Email Synchronization Settings, atomically and audited like Microsoft Settings. */
@Service
public class EmailSyncSettingsService {

    private static final String PREFIX = "sync.";
    private static final String ENABLED = "sync.enabled";
    private static final String INTERVAL = "sync.interval_minutes";
    private static final String MAX_CONCURRENT = "sync.max_concurrent";

    private final SystemSettingRepository repository;
    private final TransactionalOperator transaction;

    EmailSyncSettingsService(SystemSettingRepository repository, TransactionalOperator transaction) {
        this.repository = repository;
        this.transaction = transaction;
    }

    public Mono<EmailSyncSettings> current() {
        return repository
                .findByPrefix(PREFIX)
                .collectMap(StoredSetting::name, StoredSetting::textValue)
                .map(EmailSyncSettingsService::view);
    }

    Mono<UpdateEmailSyncSettingsPayload> update(UpdateEmailSyncSettingsInput input, UUID actor) {
        List<UserError> errors = new ArrayList<>();
        if (input.intervalMinutes() != null && (input.intervalMinutes() < 1 || input.intervalMinutes() > 1440)) {
            errors.add(new UserError(
                    "intervalMinutes", UserErrorCode.INVALID_FORMAT, "Enter a number of minutes from 1 to 1440."));
        }
        if (input.maxConcurrent() != null && (input.maxConcurrent() < 1 || input.maxConcurrent() > 64)) {
            errors.add(new UserError("maxConcurrent", UserErrorCode.INVALID_FORMAT, "Enter a number from 1 to 64."));
        }
        if (!errors.isEmpty()) {
            return current().map(settings -> new UpdateEmailSyncSettingsPayload(settings, errors));
        }
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
        if (input.enabled() != null) {
            wanted.put(ENABLED, input.enabled().toString());
        }
        if (input.intervalMinutes() != null) {
            wanted.put(INTERVAL, input.intervalMinutes().toString());
        }
        if (input.maxConcurrent() != null) {
            wanted.put(MAX_CONCURRENT, input.maxConcurrent().toString());
        }
        Mono<UpdateEmailSyncSettingsPayload> save = repository
                .lockForUpdate()
                .then(repository.findByPrefix(PREFIX).collectMap(StoredSetting::name, StoredSetting::textValue))
                .flatMap(stored -> Flux.fromIterable(wanted.entrySet())
                        .filter(entry -> !Objects.equals(stored.get(entry.getKey()), entry.getValue()))
                        .concatMap(entry -> repository
                                .saveText(entry.getKey(), entry.getValue(), actor)
                                .then(repository.recordChange(
                                        entry.getKey(),
                                        SettingChangeAction.SET,
                                        stored.get(entry.getKey()),
                                        entry.getValue(),
                                        actor)))
                        .then(current()))
                .map(settings -> new UpdateEmailSyncSettingsPayload(settings, List.of()));
        return transaction.transactional(save);
    }

    private static EmailSyncSettings view(Map<String, String> stored) {
        EmailSyncSettings defaults = EmailSyncSettings.DEFAULTS;
        return new EmailSyncSettings(
                stored.containsKey(ENABLED) ? Boolean.parseBoolean(stored.get(ENABLED)) : defaults.enabled(),
                stored.containsKey(INTERVAL) ? Integer.parseInt(stored.get(INTERVAL)) : defaults.intervalMinutes(),
                stored.containsKey(MAX_CONCURRENT)
                        ? Integer.parseInt(stored.get(MAX_CONCURRENT))
                        : defaults.maxConcurrent());
    }
}
