package com.m365console.graph;

import java.time.Duration;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads Graph's error JSON ({@code error.code}, {@code error.message}, {@code error.innerError} with
 * {@code request-id} and {@code date}) into a {@link GraphException}, and words each kind as advice, as the AADSTS
 * table does for sign-in errors.
 */
final class GraphErrors {

    private GraphErrors() {}

    static GraphException fromResponse(int status, JsonNode body, Duration retryAfter) {
        JsonNode error = body == null ? null : body.get("error");
        String code = text(error, "code");
        String message = text(error, "message");
        JsonNode inner =
                error == null ? null : error.has("innerError") ? error.get("innerError") : error.get("innererror");
        return new GraphException(
                classify(status, code),
                status,
                code,
                message,
                text(inner, "request-id"),
                text(inner, "date"),
                retryAfter);
    }

    static GraphException unreachable(String host, String what) {
        return new GraphException(GraphFailure.UNAVAILABLE, 0, null, what + " (" + host + ")", null, null, null);
    }

    static GraphFailure classify(int status, String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (c.equals("invalidauthenticationtoken") || status == 401) {
            return GraphFailure.TOKEN_REFUSED;
        }
        if (c.equals("mailboxnotenabledforrestapi") || c.equals("mailboxnotsupportedforrestapi")) {
            return GraphFailure.MAILBOX_NOT_ENABLED;
        }
        if (c.equals("syncstatenotfound")
                || c.equals("resyncrequired")
                || c.equals("syncstateinvalid")
                || status == 410) {
            return GraphFailure.RESYNC_NEEDED;
        }
        if (c.equals("errorsendasdenied")) {
            return GraphFailure.SEND_AS_DENIED;
        }
        if (c.equals("erroraccessdenied") || c.equals("accessdenied") || status == 403) {
            return GraphFailure.ACCESS_DENIED;
        }
        if (status == 429) {
            return GraphFailure.THROTTLED;
        }
        if (status == 404) {
            return GraphFailure.NOT_FOUND;
        }
        return status >= 500 ? GraphFailure.UNAVAILABLE : GraphFailure.OTHER;
    }

    static String explain(
            GraphFailure failure,
            int status,
            String code,
            String message,
            String requestId,
            String date,
            Duration retryAfter) {
        String advice = switch (failure) {
            case TOKEN_REFUSED ->
                "Microsoft Graph refused the access token (expired or revoked). Get a new token "
                        + "and try once more; if it is refused again, reconnect the mailbox.";
            case ACCESS_DENIED ->
                "Microsoft Graph denied access to this mailbox. The application needs the "
                        + "delegated permission Mail.ReadWrite (Mail.ReadWrite.Shared to open a mailbox shared with the "
                        + "user, who also needs Full Access to it), or for app-only access the Mail.ReadWrite application "
                        + "permission with admin consent (Azure portal > App registrations > API permissions); then "
                        + "reconnect the mailbox.";
            case SEND_AS_DENIED ->
                "Microsoft Graph refused to send as this mailbox: the account it was connected with has no Send As "
                        + "permission on it (Exchange admin center > Mailboxes > the mailbox > Delegation > Send as); "
                        + "grant it, wait for it to apply, then send again.";
            case MAILBOX_NOT_ENABLED ->
                "Microsoft Graph cannot serve this mailbox: it is inactive, soft-deleted or "
                        + "hosted on-premises (Exchange Server). Connect it over IMAP/SMTP instead, or check its license "
                        + "and state in the Microsoft 365 admin center.";
            case RESYNC_NEEDED ->
                "Microsoft Graph no longer knows this folder's sync state (the delta token "
                        + "expired); the folder has to be synchronised again from the start.";
            case THROTTLED ->
                "Microsoft Graph is throttling requests for this mailbox"
                        + (retryAfter != null
                                ? "; try again in " + retryAfter.toSeconds() + " s."
                                : "; try again later.");
            case NOT_FOUND ->
                "Microsoft Graph found no such mailbox or folder (wrong address, or the folder was "
                        + "deleted); check the address and choose the folders again.";
            case UNAVAILABLE ->
                "Microsoft Graph could not be reached or is unavailable; the next synchronisation "
                        + "tries again. If it keeps failing, check that this server can reach the Graph host.";
            case OTHER -> "Microsoft Graph refused the request.";
        };
        return advice + " " + details(status, code, message, requestId, date);
    }

    /** Graph's own words in brackets: status, code, message, request-id and date, for support. */
    static String details(int status, String code, String message, String requestId, String date) {
        StringBuilder text = new StringBuilder("(Microsoft Graph: ");
        text.append(status == 0 ? "no answer" : "HTTP " + status);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        if (requestId != null) {
            text.append("; request-id ").append(requestId);
        }
        if (date != null) {
            text.append(", date ").append(date);
        }
        return text.append(')').toString();
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
