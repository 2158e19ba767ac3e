package com.m365console.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Microsoft Settings from server configuration: what a field shows and uses while "Use Default" is ticked. */
@ConfigurationProperties("m365.microsoft")
public record MicrosoftDefaults(String clientId, String clientSecret, String tenant, Cloud cloud,
        boolean signInEnabled, boolean emailSyncEnabled) {

    public MicrosoftDefaults {
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        tenant = blankToNull(tenant);
        cloud = cloud == null ? Cloud.GLOBAL : cloud;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
