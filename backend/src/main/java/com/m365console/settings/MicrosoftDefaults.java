package com.m365console.settings;

import com.m365console.microsoft.Cloud;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Microsoft Settings from server configuration: what a field shows and uses while "Use Default" is ticked. */
@ConfigurationProperties("m365.microsoft")
public record MicrosoftDefaults(
        String clientId,
        String clientSecret,
        String tenant,
        Cloud cloud,
        boolean signInEnabled,
        boolean emailSyncEnabled,
        List<String> signInAllowedDomains,
        SignInProvisioning signInProvisioning) {

    public MicrosoftDefaults {
        signInAllowedDomains = signInAllowedDomains == null
                ? List.of()
                : signInAllowedDomains.stream()
                        .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                        .filter(domain -> !domain.isEmpty())
                        .toList();
        signInProvisioning = signInProvisioning == null ? SignInProvisioning.EXISTING_USERS_ONLY : signInProvisioning;
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        tenant = blankToNull(tenant);
        cloud = cloud == null ? Cloud.GLOBAL : cloud;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
