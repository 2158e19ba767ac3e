package com.m365console.platform.web;

import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * A body the readers refused is the client's fault: 413 when it is over the size limit (instead of Spring's
 * 500), 400 when it breaks the JSON reader's limits or is not JSON; both with a JSON {@code error}.
 * Runs before the browser error pages and Spring Boot's error handler (orders -3 to -1).
 */
@Component
@Order(-4)
class RequestBodyErrorHandler implements WebExceptionHandler {

    private final RequestBodyLimit limit;

    RequestBodyErrorHandler(RequestBodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (causedBy(ex, DataBufferLimitException.class) != null) {
            return JsonErrors.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, limit.message());
        }
        StreamConstraintsException constraint = causedBy(ex, StreamConstraintsException.class);
        if (constraint != null) {
            return JsonErrors.write(
                    exchange.getResponse(),
                    HttpStatus.BAD_REQUEST,
                    "The request body exceeds a JSON limit: "
                            + constraint.getOriginalMessage().replaceAll(",? from `[^`]*`", ""));
        }
        if (causedBy(ex, DecodingException.class) != null) {
            return JsonErrors.write(
                    exchange.getResponse(), HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
        }
        return Mono.error(ex);
    }

    private static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
