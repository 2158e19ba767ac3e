package com.m365console.settings;

import com.m365console.platform.ratelimit.OperationRateLimits;
import com.m365console.platform.ratelimit.RateLimitedOperation;
import java.util.Locale;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * "Test connection" (better than Oro): asks Microsoft for an app-only token with the saved registration and its
 * credential (secret or certificate), so a wrong client ID, credential or tenant shows up on the settings page, not
 * at a user's first sign-in; a success also reads the credential's expiry again. Limited per app registration
 * (client ID and tenant), since each test is a request to Microsoft.
 */
@Service
class MicrosoftConnectionTest {

    private final MicrosoftSettingsService settings;
    private final MicrosoftAppToken appToken;
    private final MicrosoftCredentialExpiryCheck expiryCheck;
    private final OperationRateLimits limits;

    MicrosoftConnectionTest(
            MicrosoftSettingsService settings,
            MicrosoftAppToken appToken,
            MicrosoftCredentialExpiryCheck expiryCheck,
            OperationRateLimits limits) {
        this.settings = settings;
        this.appToken = appToken;
        this.expiryCheck = expiryCheck;
        this.limits = limits;
    }

    Mono<TestMicrosoftConnectionPayload> run() {
        return settings.credentials().flatMap(credentials -> {
            MicrosoftSettings current = credentials.settings();
            if (!current.credentialsComplete()) {
                return Mono.just(TestMicrosoftConnectionPayload.failed(
                        "Save the Application (Client) ID, the Client Secret (or a certificate) and the Directory "
                                + "(Tenant) ID first.",
                        null));
            }
            if (MicrosoftSettingsUpdate.TENANT_KEYWORDS.contains(
                    current.tenant().value())) {
                return Mono.just(TestMicrosoftConnectionPayload.failed(
                        "Test connection needs the application's "
                                + "own Directory (Tenant) ID (a GUID or domain): with "
                                + current.tenant().value()
                                + " Microsoft issues no app-only token.",
                        null));
            }
            return credentials.usable()
                    ? limits.within(
                            RateLimitedOperation.TEST_MICROSOFT_CONNECTION,
                            registration(current),
                            TestMicrosoftConnectionPayload::rateLimited,
                            () -> test(credentials))
                    : Mono.empty();
        });
    }

    private Mono<TestMicrosoftConnectionPayload> test(MicrosoftCredentials credentials) {
        return appToken.request(credentials).flatMap(result -> {
            if (result.accessToken() != null) {
                return expiryCheck
                        .checkWith(credentials, result.accessToken())
                        .onErrorResume(ex -> Mono.empty())
                        .thenReturn(TestMicrosoftConnectionPayload.succeeded(credentials.type()));
            }
            return Mono.just(
                    result.refusal() != null
                            ? TestMicrosoftConnectionPayload.refused(result.refusal())
                            : TestMicrosoftConnectionPayload.failed(result.failure(), null));
        });
    }

    /** The rate limit's subject: one app registration in one tenant of one cloud. */
    private static String registration(MicrosoftSettings current) {
        return current.cloud().value() + ":" + current.tenant().value().toLowerCase(Locale.ROOT) + ":"
                + current.clientId().value().toLowerCase(Locale.ROOT);
    }
}
