package com.m365console.settings;

import com.m365console.platform.database.PostgresNotifications;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The status of the credential in use, as every admin sees it (query, live subscription, banner): read from the
 * database, and read again on every instance whenever any instance changes it (PostgreSQL LISTEN/NOTIFY on
 * {@link MicrosoftCredentialStatusRepository#CHANNEL}). Also keeps the last days-to-expiry for a metric.
 */
@Service
public class MicrosoftCredentialStatusService {

    static final Duration WARN_BEFORE = Duration.ofDays(30);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    private final MicrosoftSettingsService settings;
    private final MicrosoftCredentialStatusRepository statuses;
    private final PostgresNotifications notifications;
    private final Sinks.Many<Boolean> changed = Sinks.many().multicast().directBestEffort();
    private final AtomicReference<Integer> lastExpiresInDays = new AtomicReference<>();
    private Disposable listening;

    MicrosoftCredentialStatusService(
            MicrosoftSettingsService settings,
            MicrosoftCredentialStatusRepository statuses,
            PostgresNotifications notifications) {
        this.settings = settings;
        this.statuses = statuses;
        this.notifications = notifications;
    }

    public Mono<MicrosoftCredentialStatus> current() {
        return settings.credentials()
                .flatMap(credentials -> {
                    if (!credentials.settings().credentialsComplete() || !credentials.usable()) {
                        return Mono.just(new MicrosoftCredentialStatus(
                                false, credentials.type(), null, null, false, null, null, null));
                    }
                    return statuses.find(credentials.tag())
                            .map(stored -> view(credentials, stored))
                            .defaultIfEmpty(view(
                                    credentials,
                                    new MicrosoftCredentialStatusRepository.Stored(null, null, null, null, null)));
                })
                .doOnNext(status -> lastExpiresInDays.set(status.expiresInDays()));
    }

    /** The status now, then again each time any instance changed it. */
    public Flux<MicrosoftCredentialStatus> changes() {
        return Flux.concat(current(), changed.asFlux().onBackpressureLatest().concatMap(tick -> current(), 1));
    }

    /**
     * Days until the credential in use expires (negative once expired), as last read; NaN when unknown. For a
     * Micrometer gauge: {@code Gauge.builder("m365.microsoft.credential.expires.in.days", service,
     * MicrosoftCredentialStatusService::credentialExpiresInDays)}.
     */
    public double credentialExpiresInDays() {
        Integer days = lastExpiresInDays.get();
        return days == null ? Double.NaN : days;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        listening = notifications
                .listen(MicrosoftCredentialStatusRepository.CHANNEL, () -> changed.tryEmitNext(true))
                .subscribe(payload -> changed.tryEmitNext(true));
        current().onErrorResume(ex -> Mono.empty()).subscribe();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (listening != null) {
            listening.dispose();
        }
    }

    private static MicrosoftCredentialStatus view(
            MicrosoftCredentials credentials, MicrosoftCredentialStatusRepository.Stored stored) {
        MicrosoftCredentialType kind = credentials.type();
        ClientCertificate certificate = credentials.certificateInUse();
        OffsetDateTime expiresAt = certificate != null ? certificate.notAfter() : stored.expiresAt();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Integer days = expiresAt == null
                ? null
                : (int) Math.floorDiv(
                        Duration.between(now, expiresAt).toSeconds(),
                        Duration.ofDays(1).toSeconds());
        boolean soon = expiresAt != null && expiresAt.isBefore(now.plus(WARN_BEFORE));
        String what = kind == MicrosoftCredentialType.CERTIFICATE ? "certificate" : "client secret";
        String message;
        if (stored.rejectedAt() != null) {
            message = "Microsoft refused the " + what + " as expired (AADSTS7000222) on "
                    + DAY.format(stored.rejectedAt()) + ": sign-in, mailbox connection and token renewal fail until a "
                    + "new one is saved. Create a new client secret in Azure (Certificates & secrets) and save it on "
                    + "Microsoft Settings, or switch to a certificate.";
        } else if (expiresAt != null && days < 0) {
            message = "The " + what + " expired on " + DAY.format(expiresAt) + ": create a new one in Azure "
                    + "(Certificates & secrets) and save it on Microsoft Settings.";
        } else if (expiresAt != null) {
            message = "The " + what + " expires on " + DAY.format(expiresAt) + " (in " + days + " day"
                    + (days == 1 ? "" : "s") + ")"
                    + (soon
                            ? ": create a new one in Azure (Certificates & secrets) and save it on Microsoft "
                                    + "Settings before then."
                            : ".");
        } else {
            message = stored.expiryNote();
        }
        return new MicrosoftCredentialStatus(
                true, kind, expiresAt, days, soon, stored.rejectedAt(), message, stored.checkedAt());
    }
}
