package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Certificate credentials for the app registration: generates a key pair with a self-signed certificate, or checks
 * an uploaded one, and stores it (the private key encrypted) in place of the stored certificate.
 */
@Service
class MicrosoftCertificateService {

    static final int DEFAULT_MONTHS = 24;
    static final int MAX_MONTHS = 60;
    static final String COMMON_NAME = "M365 Console";

    private final MicrosoftSettingsService settings;

    MicrosoftCertificateService(MicrosoftSettingsService settings) {
        this.settings = settings;
    }

    Mono<GenerateMicrosoftCertificatePayload> generate(GenerateMicrosoftCertificateInput input, UUID actor) {
        int months = input == null || input.validityMonths() == null ? DEFAULT_MONTHS : input.validityMonths();
        if (months < 1 || months > MAX_MONTHS) {
            return settings.current()
                    .map(current -> new GenerateMicrosoftCertificatePayload(
                            current,
                            List.of(new UserError(
                                    "validityMonths",
                                    UserErrorCode.INVALID_FORMAT,
                                    "A certificate is valid for 1 to " + MAX_MONTHS + " months."))));
        }
        return Mono.fromCallable(() -> CertificatePems.generate(COMMON_NAME, Period.ofMonths(months)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(certificate -> settings.storeCertificate(certificate, actor))
                .map(saved -> new GenerateMicrosoftCertificatePayload(saved, List.of()));
    }

    Mono<UploadMicrosoftCertificatePayload> upload(UploadMicrosoftCertificateInput input, UUID actor) {
        CertificatePems.Parsed parsed = CertificatePems.parse(input.privateKeyPem(), input.certificatePem());
        if (!parsed.errors().isEmpty()) {
            return settings.current().map(current -> new UploadMicrosoftCertificatePayload(current, parsed.errors()));
        }
        return settings.storeCertificate(parsed.certificate(), actor)
                .map(saved -> new UploadMicrosoftCertificatePayload(saved, List.of()));
    }
}
