package com.m365console.platform.logging;

import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Hints;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.log.LogFormatUtils;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.codec.HttpMessageDecoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The JSON decoder, which hands each GraphQL request it decodes (HTTP body or WebSocket subscribe message) to
 * {@link SecretInputs} before anything can log it: Spring for GraphQL logs the document and variables at
 * DEBUG right after decoding. A WebSocket's connection_init payload carries credentials (an API token):
 * every string in it is secret. Its own "Decoded" line is written only after that, so it is masked too.
 */
final class SecretNoticingDecoder implements HttpMessageDecoder<Object> {

    private static final Log logger = LogFactory.getLog(SecretNoticingDecoder.class);

    private final HttpMessageDecoder<Object> delegate;
    private final Supplier<GraphQLSchema> schema;

    SecretNoticingDecoder(HttpMessageDecoder<Object> delegate, Supplier<GraphQLSchema> schema) {
        this.delegate = delegate;
        this.schema = schema;
    }

    @Override
    public boolean canDecode(ResolvableType elementType, @Nullable MimeType mimeType) {
        return delegate.canDecode(elementType, mimeType);
    }

    @Override
    public Flux<Object> decode(
            Publisher<DataBuffer> input,
            ResolvableType elementType,
            @Nullable MimeType mimeType,
            @Nullable Map<String, Object> hints) {
        if (!isGraphQl(elementType)) {
            return delegate.decode(input, elementType, mimeType, hints);
        }
        return delegate.decode(input, elementType, mimeType, quiet(hints)).doOnNext(value -> notice(value, hints));
    }

    @Override
    public Mono<Object> decodeToMono(
            Publisher<DataBuffer> input,
            ResolvableType elementType,
            @Nullable MimeType mimeType,
            @Nullable Map<String, Object> hints) {
        if (!isGraphQl(elementType)) {
            return delegate.decodeToMono(input, elementType, mimeType, hints);
        }
        return delegate.decodeToMono(input, elementType, mimeType, quiet(hints))
                .doOnNext(value -> notice(value, hints));
    }

    @Override
    public @Nullable Object decode(
            DataBuffer buffer,
            ResolvableType targetType,
            @Nullable MimeType mimeType,
            @Nullable Map<String, Object> hints) {
        if (!isGraphQl(targetType)) {
            return delegate.decode(buffer, targetType, mimeType, hints);
        }
        Object value = delegate.decode(buffer, targetType, mimeType, quiet(hints));
        notice(value, hints);
        return value;
    }

    @Override
    public List<MimeType> getDecodableMimeTypes() {
        return delegate.getDecodableMimeTypes();
    }

    @Override
    public List<MimeType> getDecodableMimeTypes(ResolvableType targetType) {
        return delegate.getDecodableMimeTypes(targetType);
    }

    @Override
    public Map<String, Object> getDecodeHints(
            ResolvableType actualType,
            ResolvableType elementType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        return delegate.getDecodeHints(actualType, elementType, request, response);
    }

    private void notice(@Nullable Object value, @Nullable Map<String, Object> hints) {
        if (value instanceof SerializableGraphQlRequest request) {
            SecretValues.remember(SecretInputs.find(schema.get(), request.getDocument(), request.getVariables()));
        } else if (value instanceof GraphQlWebSocketMessage message && "connection_init".equals(message.getType())) {
            SecretValues.remember(SecretInputs.strings(message.getPayload()));
        } else if (value instanceof GraphQlWebSocketMessage message
                && message.getPayload() instanceof Map<?, ?> payload
                && payload.get("query") instanceof String document) {
            @SuppressWarnings("unchecked")
            Map<String, Object> variables =
                    payload.get("variables") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            SecretValues.remember(SecretInputs.find(schema.get(), document, variables));
        }
        if (logger.isDebugEnabled() && !Hints.isLoggingSuppressed(hints)) {
            LogFormatUtils.traceDebug(
                    logger,
                    traceOn -> Hints.getLogPrefix(hints) + "Decoded [" + LogFormatUtils.formatValue(value, !traceOn)
                            + "]");
        }
    }

    private static boolean isGraphQl(ResolvableType type) {
        Class<?> target = type.toClass();
        return target == SerializableGraphQlRequest.class || target == GraphQlWebSocketMessage.class;
    }

    /** The delegate must not log what it decoded: it would, before the secrets in it are known. */
    private static Map<String, Object> quiet(@Nullable Map<String, Object> hints) {
        Map<String, Object> quiet = hints == null ? new HashMap<>() : new HashMap<>(hints);
        quiet.put(Hints.SUPPRESS_LOGGING_HINT, true);
        return quiet;
    }
}
