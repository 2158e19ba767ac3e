package com.m365console.testsupport.microsoft;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Entra ID error, shaped as Microsoft does: token-endpoint JSON, redirect parameters, or its own HTML page. */
record AadError(int status, String error, int code, String message, String suberror) {

    AadError(int status, String error, int code, String message) {
        this(status, error, code, message, null);
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    static AadError badRequest(String error, int code, String message) {
        return new AadError(400, error, code, message);
    }

    static AadError invalidClient(int code, String message) {
        return new AadError(401, "invalid_client", code, message);
    }

    static AadError missingParameter(String name) {
        return badRequest(
                "invalid_request", 900144, "The request body must contain the following parameter: '" + name + "'.");
    }

    static AadError tenantNotFound(String segment) {
        return badRequest(
                "invalid_tenant",
                90002,
                "Tenant '" + segment + "' not found. Check to make sure you have "
                        + "the correct tenant ID and are signing into the correct cloud. Check with your subscription "
                        + "administrator, this may happen if there are no active subscriptions for the tenant.");
    }

    static AadError appNotFound(String clientId, String directory) {
        return badRequest(
                "unauthorized_client",
                700016,
                "Application with identifier '" + clientId + "' was not "
                        + "found in the directory '" + directory + "'. This can happen if the application has not been "
                        + "installed by the administrator of the tenant or consented to by any user in the tenant. You may "
                        + "have sent your authentication request to the wrong tenant.");
    }

    static AadError expiredGrant() {
        return badRequest(
                "invalid_grant",
                70008,
                "The provided authorization code or refresh token has expired due "
                        + "to inactivity. Send a new interactive authorization request for this user and resource.");
    }

    /**
     * A refresh asking for scopes the user never consented to (another resource, or more of one), as Entra answers
     * it: {@code invalid_grant}, AADSTS65001, suberror {@code consent_required}.
     */
    static AadError consentRequired(String clientId, String appName) {
        return new AadError(
                400,
                "invalid_grant",
                65001,
                "The user or administrator has not consented to use the application with ID '" + clientId
                        + "' named '" + appName + "'. Send an interactive authorization request for this user and "
                        + "resource.",
                "consent_required");
    }

    /** A fresh occurrence of this error, with its own trace and correlation IDs and timestamp. */
    Occurrence occur() {
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
        return new Occurrence(this, Http.newGuid(), Http.newGuid(), timestamp);
    }

    /** The parts Microsoft stamps on each error it returns. */
    record Occurrence(AadError cause, String traceId, String correlationId, String timestamp) {

        String headline() {
            return cause.code > 0 ? "AADSTS" + cause.code + ": " + cause.message : cause.message;
        }

        String description() {
            return headline() + " Trace ID: " + traceId + " Correlation ID: " + correlationId + " Timestamp: "
                    + timestamp;
        }

        Map<String, Object> json(String authority) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", cause.error);
            body.put("error_description", description());
            body.put("error_codes", cause.code > 0 ? List.of(cause.code) : List.of());
            body.put("timestamp", timestamp);
            body.put("trace_id", traceId);
            body.put("correlation_id", correlationId);
            if (cause.code > 0) {
                body.put("error_uri", authority + "/error?code=" + cause.code);
            }
            if (cause.suberror != null) {
                body.put("suberror", cause.suberror);
            }
            return body;
        }

        Map<String, String> redirectParameters(String authority, String state) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("error", cause.error);
            params.put("error_description", description());
            if (cause.code > 0) {
                params.put("error_uri", authority + "/error?code=" + cause.code);
            }
            if (state != null) {
                params.put("state", state);
            }
            return params;
        }
    }
}
