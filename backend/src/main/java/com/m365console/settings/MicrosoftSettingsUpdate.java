package com.m365console.settings;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an {@link UpdateMicrosoftSettingsInput} against the current settings and, when it is valid,
 * says what to store: a new text value or "reset to default" per field, and the new or cleared secret.
 */
final class MicrosoftSettingsUpdate {

    static final Pattern GUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final List<String> TENANT_KEYWORDS = List.of("organizations", "common", "consumers");
    private static final int MAX_SECRET_LENGTH = 1024;
    private static final int MAX_DOMAINS = 100;
    private static final String CREDENTIALS =
            "the Application (Client) ID, a Client Secret or certificate and the Directory (Tenant) ID";

    /** Per setting: a value to store, or empty for "reset to default". Settings not in the map stay as they are. */
    private final Map<MicrosoftSetting, Optional<String>> textEdits = new EnumMap<>(MicrosoftSetting.class);

    private final List<UserError> errors = new ArrayList<>();
    private String newSecret;
    private boolean clearSecret;
    private boolean clearCertificate;

    private MicrosoftSettingsUpdate() {}

    static MicrosoftSettingsUpdate plan(
            UpdateMicrosoftSettingsInput input, MicrosoftSettings current, MicrosoftDefaults defaults) {
        MicrosoftSettingsUpdate update = new MicrosoftSettingsUpdate();
        update.clientId(input.clientId());
        update.tenant(input.tenant());
        update.secret(input.clientSecret());
        if (input.cloud() != null) {
            update.choice(
                    MicrosoftSetting.CLOUD,
                    input.cloud().resets(),
                    input.cloud().value() == null ? null : input.cloud().value().name());
        }
        if (input.credentialType() != null) {
            update.textEdits.put(
                    MicrosoftSetting.CREDENTIAL_TYPE,
                    Optional.of(input.credentialType().name()));
        }
        update.clearCertificate = Boolean.TRUE.equals(input.clearCertificate());
        update.flag(MicrosoftSetting.SIGN_IN_ENABLED, input.signInEnabled());
        update.flag(MicrosoftSetting.EMAIL_SYNC_ENABLED, input.emailSyncEnabled());
        update.domains(input.signInAllowedDomains());
        if (input.signInProvisioning() != null) {
            update.choice(
                    MicrosoftSetting.SIGN_IN_PROVISIONING,
                    input.signInProvisioning().resets(),
                    input.signInProvisioning().value() == null
                            ? null
                            : input.signInProvisioning().value().name());
        }
        if (update.errors.isEmpty()) {
            update.checkCertificateChoice(current);
        }
        if (update.errors.isEmpty()) {
            update.checkCredentialsForEnabledFeatures(input, current, defaults);
        }
        return update;
    }

    List<UserError> errors() {
        return errors;
    }

    Map<MicrosoftSetting, Optional<String>> textEdits() {
        return textEdits;
    }

    /** The secret value to store, or null to leave the stored one alone. */
    String newSecret() {
        return newSecret;
    }

    boolean clearSecret() {
        return clearSecret;
    }

    boolean clearCertificate() {
        return clearCertificate;
    }

    /** The credential type after this update. */
    private MicrosoftCredentialType typeAfter(MicrosoftSettings current) {
        Optional<String> edit = textEdits.get(MicrosoftSetting.CREDENTIAL_TYPE);
        return edit == null ? current.credentialType() : MicrosoftCredentialType.valueOf(edit.orElseThrow());
    }

    /** Choosing "Certificate" needs a stored certificate, and the one in use cannot be cleared. */
    private void checkCertificateChoice(MicrosoftSettings current) {
        boolean certificateAfter = current.certificate() != null && !clearCertificate;
        if (typeAfter(current) == MicrosoftCredentialType.CERTIFICATE && !certificateAfter) {
            error(
                    clearCertificate ? "clearCertificate" : "credentialType",
                    UserErrorCode.PRECONDITION_FAILED,
                    clearCertificate
                            ? "The certificate is the credential in use: choose Client secret before clearing it."
                            : "Generate or upload a certificate before choosing Certificate as the credential.");
        }
    }

    private void clientId(StringSettingInput input) {
        if (input == null) {
            return;
        }
        if (input.resets()) {
            textEdits.put(MicrosoftSetting.CLIENT_ID, Optional.empty());
            return;
        }
        String value = trimmed(input.value());
        if (value == null) {
            error("clientId.value", UserErrorCode.REQUIRED, "Enter the Application (Client) ID, or tick Use Default.");
        } else if (!GUID.matcher(value).matches()) {
            error(
                    "clientId.value",
                    UserErrorCode.INVALID_GUID,
                    "The Application (Client) ID is a GUID such as "
                            + "3fa85f64-5717-4562-b3fc-2c963f66afa6: copy it from the application's Overview page in Azure.");
        } else {
            textEdits.put(MicrosoftSetting.CLIENT_ID, Optional.of(value.toLowerCase(Locale.ROOT)));
        }
    }

    private void tenant(StringSettingInput input) {
        if (input == null) {
            return;
        }
        if (input.resets()) {
            textEdits.put(MicrosoftSetting.TENANT, Optional.empty());
            return;
        }
        String value = trimmed(input.value());
        if (value == null) {
            error("tenant.value", UserErrorCode.REQUIRED, "Enter the Directory (Tenant) ID, or tick Use Default.");
            return;
        }
        String normalised = value.toLowerCase(Locale.ROOT);
        if (GUID.matcher(normalised).matches()
                || DOMAIN.matcher(normalised).matches()
                || TENANT_KEYWORDS.contains(normalised)) {
            textEdits.put(MicrosoftSetting.TENANT, Optional.of(normalised));
        } else {
            error(
                    "tenant.value",
                    UserErrorCode.INVALID_TENANT,
                    "Enter the Directory (Tenant) ID (a GUID), a verified "
                            + "domain such as contoso.onmicrosoft.com, or one of organizations, common, consumers.");
        }
    }

    private void secret(SecretSettingInput input) {
        if (input == null) {
            return;
        }
        if (input.clears() && input.replaceWith() != null) {
            error(
                    "clientSecret",
                    UserErrorCode.INVALID_FORMAT,
                    "Either replace the Client Secret or clear it, not both.");
            return;
        }
        if (input.clears()) {
            clearSecret = true;
            return;
        }
        if (input.replaceWith() == null) {
            return;
        }
        String value = input.replaceWith().strip();
        if (value.isEmpty()) {
            error(
                    "clientSecret.replaceWith",
                    UserErrorCode.REQUIRED,
                    "Enter the secret value, or leave the field out to keep the current secret.");
        } else if (value.length() > MAX_SECRET_LENGTH) {
            error(
                    "clientSecret.replaceWith",
                    UserErrorCode.TOO_LONG,
                    "A client secret is at most " + MAX_SECRET_LENGTH + " characters long.");
        } else if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            error(
                    "clientSecret.replaceWith",
                    UserErrorCode.INVALID_FORMAT,
                    "The secret contains spaces or line breaks: paste only the secret value.");
        } else if (GUID.matcher(value).matches()) {
            error(
                    "clientSecret.replaceWith",
                    UserErrorCode.LOOKS_LIKE_SECRET_ID,
                    "This looks like the secret ID; paste the secret value (shown once in Azure when the secret is "
                            + "created, under Certificates & secrets > Value).");
        } else {
            newSecret = value;
        }
    }

    private void domains(DomainsSettingInput input) {
        if (input == null) {
            return;
        }
        if (input.resets()) {
            textEdits.put(MicrosoftSetting.SIGN_IN_ALLOWED_DOMAINS, Optional.empty());
            return;
        }
        if (input.value() == null) {
            error(
                    "signInAllowedDomains.value",
                    UserErrorCode.REQUIRED,
                    "Give the list of domains (it may be empty), " + "or tick Use Default.");
            return;
        }
        List<String> domains = input.value().stream()
                .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                .filter(domain -> !domain.isEmpty())
                .distinct()
                .toList();
        List<String> invalid = domains.stream()
                .filter(domain -> !DOMAIN.matcher(domain).matches())
                .toList();
        if (!invalid.isEmpty()) {
            error(
                    "signInAllowedDomains.value",
                    UserErrorCode.INVALID_FORMAT,
                    "Not a domain: " + String.join(", ", invalid)
                            + ". Enter domains such as contoso.com, one per line.");
        } else if (domains.size() > MAX_DOMAINS) {
            error("signInAllowedDomains.value", UserErrorCode.TOO_LONG, "At most " + MAX_DOMAINS + " domains.");
        } else {
            textEdits.put(MicrosoftSetting.SIGN_IN_ALLOWED_DOMAINS, Optional.of(String.join(",", domains)));
        }
    }

    static List<String> splitDomains(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }

    private void flag(MicrosoftSetting setting, BooleanSettingInput input) {
        if (input != null) {
            choice(
                    setting,
                    input.resets(),
                    input.value() == null ? null : input.value().toString());
        }
    }

    private void choice(MicrosoftSetting setting, boolean resets, String value) {
        if (resets) {
            textEdits.put(setting, Optional.empty());
        } else if (value == null) {
            error(setting.field() + ".value", UserErrorCode.REQUIRED, "Choose a value, or tick Use Default.");
        } else {
            textEdits.put(setting, Optional.of(value));
        }
    }

    /** Sign-in and Emails Sync need a complete application registration, after this update as before it. */
    private void checkCredentialsForEnabledFeatures(
            UpdateMicrosoftSettingsInput input, MicrosoftSettings current, MicrosoftDefaults defaults) {
        String clientIdAfter =
                textAfter(MicrosoftSetting.CLIENT_ID, current.clientId().value(), defaults.clientId());
        String tenantAfter = textAfter(MicrosoftSetting.TENANT, current.tenant().value(), defaults.tenant());
        boolean secretAfter = typeAfter(current) == MicrosoftCredentialType.CERTIFICATE
                || newSecret != null
                || (clearSecret
                        ? defaults.clientSecret() != null
                        : current.clientSecret().isSet());
        if (clientIdAfter != null && tenantAfter != null && secretAfter) {
            return;
        }
        boolean signInAfter = flagAfter(
                MicrosoftSetting.SIGN_IN_ENABLED, current.signInEnabled().value(), defaults.signInEnabled());
        boolean syncAfter = flagAfter(
                MicrosoftSetting.EMAIL_SYNC_ENABLED, current.emailSyncEnabled().value(), defaults.emailSyncEnabled());
        if (signInAfter && input.signInEnabled() != null) {
            error(
                    input.signInEnabled().resets() ? "signInEnabled.useDefault" : "signInEnabled.value",
                    UserErrorCode.PRECONDITION_FAILED,
                    "Microsoft 365 sign-in can only be enabled while " + CREDENTIALS + " are set.");
        }
        if (syncAfter && input.emailSyncEnabled() != null) {
            error(
                    input.emailSyncEnabled().resets() ? "emailSyncEnabled.useDefault" : "emailSyncEnabled.value",
                    UserErrorCode.PRECONDITION_FAILED,
                    "Emails Sync can only be enabled while " + CREDENTIALS + " are set.");
        }
        if (!errors.isEmpty() || !(signInAfter || syncAfter)) {
            return;
        }
        String removal =
                " cannot be removed while Microsoft 365 sign-in or Emails Sync is enabled; turn them off first.";
        if (clientIdAfter == null && input.clientId() != null) {
            error("clientId.useDefault", UserErrorCode.PRECONDITION_FAILED, "The Application (Client) ID" + removal);
        }
        if (tenantAfter == null && input.tenant() != null) {
            error("tenant.useDefault", UserErrorCode.PRECONDITION_FAILED, "The Directory (Tenant) ID" + removal);
        }
        if (!secretAfter && clearSecret) {
            error("clientSecret.clear", UserErrorCode.PRECONDITION_FAILED, "The Client Secret" + removal);
        }
    }

    private String textAfter(MicrosoftSetting setting, String currentValue, String defaultValue) {
        Optional<String> edit = textEdits.get(setting);
        return edit == null ? currentValue : edit.orElse(defaultValue);
    }

    private boolean flagAfter(MicrosoftSetting setting, boolean currentValue, boolean defaultValue) {
        Optional<String> edit = textEdits.get(setting);
        return edit == null ? currentValue : edit.map(Boolean::parseBoolean).orElse(defaultValue);
    }

    private void error(String field, UserErrorCode code, String message) {
        errors.add(new UserError(field, code, message));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
