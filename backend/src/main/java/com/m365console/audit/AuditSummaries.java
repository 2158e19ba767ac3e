package com.m365console.audit;

import java.util.Map;

/** The sentence the audit log shows for an event, from its kind, actor and details. */
final class AuditSummaries {

    /** The names the settings screens give the stored settings; another setting is shown by its stored name. */
    private static final Map<String, String> SETTING_LABELS = Map.ofEntries(
            Map.entry("microsoft.client_id", "Application (Client) ID"),
            Map.entry("microsoft.client_secret", "Client Secret"),
            Map.entry("microsoft.tenant", "Directory (Tenant) ID"),
            Map.entry("microsoft.cloud", "Cloud"),
            Map.entry("microsoft.sign_in_enabled", "Enable Microsoft 365 sign-in"),
            Map.entry("microsoft.email_sync_enabled", "Enable Emails Sync"),
            Map.entry("microsoft.sign_in_allowed_domains", "Allowed e-mail domains"),
            Map.entry("microsoft.sign_in_provisioning", "New users"),
            Map.entry("sync.enabled", "Enable scheduled synchronization"),
            Map.entry("sync.interval_minutes", "Sync interval (minutes)"),
            Map.entry("sync.max_concurrent", "Maximum concurrent syncs"));

    private AuditSummaries() {}

    static String of(String kind, Map<String, Object> details) {
        return switch (kind) {
            case "SETTING_CHANGED" -> setting(details);
            case "SIGN_IN_LOCKED" ->
                "ADDRESS".equals(details.get("scope"))
                        ? "Sign-in from this address locked after " + details.get("failures") + " failed attempts"
                        : "Sign-in for this account name locked after " + details.get("failures") + " failed attempts";
            case "SIGNED_OUT_EVERYWHERE" ->
                "Signed out everywhere (" + details.get("sessionsEnded") + " sessions ended)";
            case "PASSWORD_CHANGED" -> "Changed their own password";
            case "API_TOKEN_CREATED" -> "Created the API token " + quoted(details.get("name"));
            case "API_TOKEN_REVOKED" -> "Revoked the API token " + quoted(details.get("name"));
            case "MAILBOX_CONNECTED" -> "Connected the mailbox " + details.get("address");
            case "MAILBOX_RECONNECTED" -> "Reconnected the mailbox " + details.get("address");
            case "MAILBOX_DISCONNECTED" ->
                "Disconnected the mailbox " + details.get("address")
                        + (Boolean.TRUE.equals(details.get("mailDeleted"))
                                ? " and deleted its mail"
                                : ", keeping its mail");
            case "USER_CREATED" -> "Created the user " + details.get("username");
            case "USER_DISABLED" -> "Disabled the user " + details.get("username");
            case "USER_ENABLED" -> "Enabled the user " + details.get("username");
            case "USER_DELETED" -> "Deleted the user " + details.get("username");
            case "USER_ROLE_CHANGED" ->
                "Changed the role of " + details.get("username") + " from " + details.get("from") + " to "
                        + details.get("to");
            case "USER_PASSWORD_RESET" -> "Reset the password of " + details.get("username");
            case "USER_IDENTITY_UNLINKED" -> "Unlinked the Microsoft identity of " + details.get("username");
            default -> kind;
        };
    }

    private static String setting(Map<String, Object> details) {
        Object name = details.get("setting");
        String label = SETTING_LABELS.getOrDefault(String.valueOf(name), String.valueOf(name));
        Object oldValue = details.get("oldValue");
        Object newValue = details.get("newValue");
        return switch (String.valueOf(details.get("change"))) {
            case "SECRET_REPLACED" -> label + ": secret replaced";
            case "SECRET_CLEARED" -> label + ": secret cleared";
            case "RESET_TO_DEFAULT" ->
                label + ": reset to the default" + (oldValue == null ? "" : " (was " + quoted(oldValue) + ")");
            default -> label + ": " + (oldValue == null ? "(default)" : quoted(oldValue)) + " → " + quoted(newValue);
        };
    }

    private static String quoted(Object value) {
        return "“" + value + "”";
    }
}
