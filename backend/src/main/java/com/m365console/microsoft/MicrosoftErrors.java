package com.m365console.microsoft;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Microsoft's error codes (SPEC section 6) and Spring Security's OAuth errors into words an admin can act on. */
public final class MicrosoftErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final Pattern TRACE_ID = Pattern.compile("Trace ID:\\s*([0-9a-fA-F-]{36})");
    private static final Pattern CORRELATION_ID = Pattern.compile("Correlation ID:\\s*([0-9a-fA-F-]{36})");
    private static final Pattern DETAILS =
            Pattern.compile("\\s*(Trace ID:|Correlation ID:|Timestamp:).*$", Pattern.DOTALL);

    private static final String REAUTH =
            "The grant has expired or was revoked: reconnect the mailbox or sign in again.";
    private static final String CONSENT = "The application's permissions need consent: an administrator of the tenant "
            + "must grant admin consent: follow the admin consent link (or, in the Azure portal, App registrations > API "
            + "permissions > Grant admin consent).";
    private static final String WRONG_TENANT = "This account is not in the configured tenant, or it is a personal "
            + "Microsoft account: sign in with a work account of the configured tenant.";
    private static final String POLICY = "Blocked by a Conditional Access or multi-factor authentication policy of "
            + "the tenant: ask the tenant's administrator.";

    private static final Map<String, String> BY_AADSTS = Map.ofEntries(
            Map.entry(
                    "50011",
                    "The Redirect URI registered in Azure does not match: register exactly the Redirect URI "
                            + "shown on Microsoft Settings (platform Web)."),
            Map.entry(
                    "700016",
                    "No application with this Application (Client) ID exists in this tenant (or it is "
                            + "registered in another cloud): check the Client ID, the Directory (Tenant) ID and the Cloud."),
            Map.entry("7000215", "Invalid client secret: paste the secret value, not the secret ID."),
            Map.entry(
                    "7000222",
                    "The client secret has expired: create a new one in Azure (Certificates & secrets) "
                            + "and paste its value."),
            Map.entry("65001", CONSENT),
            Map.entry("90094", CONSENT),
            Map.entry("65004", "The sign-in was cancelled: the user declined to consent to the application."),
            Map.entry("50020", WRONG_TENANT),
            Map.entry("500208", WRONG_TENANT),
            Map.entry(
                    "50194",
                    "The application is single-tenant: enter its Directory (Tenant) ID instead of common "
                            + "or organizations."),
            Map.entry("700082", REAUTH),
            Map.entry("70008", REAUTH),
            Map.entry("50173", REAUTH),
            Map.entry("53003", POLICY),
            Map.entry("50076", POLICY));

    private static final Map<String, String> BY_ERROR = Map.of(
            "authorization_request_not_found",
            "The sign-in could not be matched to one started here (it expired, "
                    + "was already used, or began in another browser): start the sign-in again.",
            "invalid_nonce",
            "The ID token did not answer this sign-in (nonce mismatch): start the sign-in again.",
            "invalid_id_token",
            "Microsoft's ID token was refused: it was issued for another tenant or application, "
                    + "or it is not valid.",
            "access_denied",
            "The sign-in was cancelled or refused at Microsoft.");

    private static final Set<String> CONSENT_REQUIRED = Set.of("AADSTS65001", "AADSTS90094");

    private MicrosoftErrors() {}

    /** True for the AADSTS codes that an administrator's consent for the tenant resolves. */
    public static boolean needsAdminConsent(MicrosoftError error) {
        return error.aadsts() != null && CONSENT_REQUIRED.contains(error.aadsts());
    }

    /** From a token endpoint's JSON error body, which carries the ids as fields too. */
    public static MicrosoftError describe(Map<?, ?> body) {
        MicrosoftError described = describe(
                String.valueOf(body.get("error")),
                body.get("error_description") == null ? null : String.valueOf(body.get("error_description")));
        String traceId = body.get("trace_id") instanceof String id ? id : described.traceId();
        String correlationId = body.get("correlation_id") instanceof String id ? id : described.correlationId();
        return described.withIds(traceId, correlationId);
    }

    public static MicrosoftError describe(String error, String description) {
        String text = description == null ? "" : description;
        String aadsts = first(AADSTS, text);
        String ownWords = DETAILS.matcher(text).replaceFirst("").trim();
        String message = aadsts != null ? BY_AADSTS.get(aadsts) : null;
        if (message == null) {
            message = BY_ERROR.getOrDefault(
                    error, ownWords.isEmpty() ? "Microsoft refused the request (" + error + ")." : ownWords);
        }
        return new MicrosoftError(
                error,
                aadsts == null ? null : "AADSTS" + aadsts,
                message,
                ownWords.isEmpty() ? null : ownWords,
                first(TRACE_ID, text),
                first(CORRELATION_ID, text));
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
