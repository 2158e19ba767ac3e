package com.m365console.graph;

import java.time.Duration;

/**
 * A Microsoft Graph call that failed, explained: the kind, a sentence saying what to do, and Graph's own status,
 * code and message with the {@code request-id} and {@code date} Microsoft support asks for. Never carries a token
 * or a URL's query (where Graph's state tokens are).
 */
public class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final GraphFailure failure;
    private final int status;
    private final String code;
    private final String graphMessage;
    private final String requestId;
    private final String date;
    private final transient Duration retryAfter;

    public GraphException(
            GraphFailure failure,
            int status,
            String code,
            String graphMessage,
            String requestId,
            String date,
            Duration retryAfter) {
        super(GraphErrors.explain(failure, status, code, graphMessage, requestId, date, retryAfter), null, false, true);
        this.failure = failure;
        this.status = status;
        this.code = code;
        this.graphMessage = graphMessage;
        this.requestId = requestId;
        this.date = date;
        this.retryAfter = retryAfter;
    }

    public GraphFailure failure() {
        return failure;
    }

    /** The HTTP status, 0 when Graph did not answer. */
    public int status() {
        return status;
    }

    /** Graph's {@code error.code}, null when it gave none. */
    public String code() {
        return code;
    }

    public String graphMessage() {
        return graphMessage;
    }

    public String requestId() {
        return requestId;
    }

    public String date() {
        return date;
    }

    /** Graph's own account of the failure, without advice: status, code, message, request-id and date. */
    public String details() {
        return GraphErrors.details(status, code, graphMessage, requestId, date);
    }

    /** How long Graph asked to wait before the next try (throttling, outages), else null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
