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
 * {@link MicrosoftCredentialStatusRepository#CHANNEL}). Also follows those changes itself, subscribers or not, to keep
 * the expiry for the {@link MicrosoftCredentialMeters gauge}.
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
    private final AtomicReference<OffsetDateTime> lastExpiresAt = new AtomicReference<>();
    private Disposable listening;
    private Disposable following;

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
                .doOnNext(status -> lastExpiresAt.set(status.expiresAt()));
    }

    /** The status now, then again each time any instance changed it. */
    public Flux<MicrosoftCredentialStatus> changes() {
        return Flux.concat(current(), changed.asFlux().onBackpressureLatest().concatMap(tick -> current(), 1));
    }

    /**
     * Whole days from now until the credential in use expires (negative once expired), counted from the expiry as
     * last read; NaN when it is unknown (not configured, or Microsoft Graph could not tell).
     */
    public double credentialExpiresInDays() {
        OffsetDateTime expiresAt = lastExpiresAt.get();
        return expiresAt == null ? Double.NaN : daysUntil(expiresAt, OffsetDateTime.now(ZoneOffset.UTC));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        listening = notifications
                .listen(MicrosoftCredentialStatusRepository.CHANNEL, () -> changed.tryEmitNext(true))
                .subscribe(payload -> changed.tryEmitNext(true));
        following = Flux.concat(Mono.just(true), changed.asFlux())
                .onBackpressureLatest()
                .concatMap(tick -> current().onErrorResume(ex -> Mono.empty()), 1)
                .subscribe();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (listening != null) {
            listening.dispose();
        }
        if (following != null) {
            following.dispose();
        }
    }

    private static MicrosoftCredentialStatus view(
            MicrosoftCredentials credentials, MicrosoftCredentialStatusRepository.Stored stored) {
        MicrosoftCredentialType kind = credentials.type();
        ClientCertificate certificate = credentials.certificateInUse();
        OffsetDateTime expiresAt = certificate != null ? certificate.notAfter() : stored.expiresAt();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Integer days = expiresAt == null ? null : daysUntil(expiresAt, now);
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

    private static int daysUntil(OffsetDateTime expiresAt, OffsetDateTime now) {
        return (int) Math.floorDiv(
                Duration.between(now, expiresAt).toSeconds(), Duration.ofDays(1).toSeconds());
    }
}
