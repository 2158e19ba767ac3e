package com.m365console.settings;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The Microsoft credential's expiry as Prometheus sees it, so monitoring can alert before sign-in and mail stop:
 * whole days left (negative once expired), NaN while unknown.
 */
@Component
class MicrosoftCredentialMeters implements MeterBinder {

    private final MicrosoftCredentialStatusService status;

    MicrosoftCredentialMeters(MicrosoftCredentialStatusService status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "m365.microsoft.credential.expires.in.days",
                        status,
                        MicrosoftCredentialStatusService::credentialExpiresInDays)
                .description("Days until the Microsoft client secret or certificate in use expires (negative once "
                        + "expired); NaN while unknown")
                .register(registry);
    }
}
